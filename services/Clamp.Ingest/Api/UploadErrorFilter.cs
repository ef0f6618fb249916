using Clamp.Ingest.Uploads;

namespace Clamp.Ingest.Api;

/// <summary>Turns a refused upload into a problem response with its status, code and reason.</summary>
internal sealed class UploadErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (UploadException ex)
        {
            // A stalled body is never read to its end: the connection closes after the answer rather than wait for it.
            if (ex.StatusCode == StatusCodes.Status408RequestTimeout)
                context.HttpContext.Response.Headers.Connection = "close";
            return TypedResults.Problem(statusCode: ex.StatusCode, title: "The upload was refused", detail: ex.Message,
                extensions: new Dictionary<string, object?> { ["code"] = ex.Code });
        }
    }
}
