namespace Clamp.Web.Api;

/// <summary>
/// Headers that confine what the page can do in a browser: scripts, styles, audio and API calls from this service
/// only (no inline script, no CDN, no framing), no MIME sniffing, no referrer sent elsewhere.
/// </summary>
internal static class SecurityHeaders
{
    // abcjs sets inline style attributes on the SVG it draws, hence 'unsafe-inline' for styles (never for scripts).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
}
