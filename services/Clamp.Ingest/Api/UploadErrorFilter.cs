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
            return TypedResults.Problem(statusCode: ex.StatusCode, title: "The upload was refused", detail: ex.Message,
                extensions: new Dictionary<string, object?> { ["code"] = ex.Code });
        }
    }
}
