namespace Clamp.Web.Api;

/// <summary>An answer of the ingest API passed on to the page as it came: status, media type and body (JSON or a
/// problem with its reason code), so the page shows the platform's own words.</summary>
internal sealed class ForwardedResponse(int statusCode, string? contentType, byte[] body) : IResult
{
    public static async Task<IResult> FromAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            return new ForwardedResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
        }
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        if (contentType is not null)
            httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
