namespace Clamp.Web.Upstream;

/// <summary>Passes the caller's API key on to the ingest API (header X-Api-Key) on every request.</summary>
internal sealed class ApiKeyForwardingHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(CallerApiKey.HeaderName);
        if (CallerApiKey.From(accessor.HttpContext) is { } key)
            request.Headers.Add(CallerApiKey.HeaderName, key);
        return base.SendAsync(request, cancellationToken);
    }
}
