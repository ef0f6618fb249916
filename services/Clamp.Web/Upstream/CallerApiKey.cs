namespace Clamp.Web.Upstream;

/// <summary>
/// The API key of the person using the page: the page sends it in the <c>X-Api-Key</c> header of every API call
/// (it keeps it in sessionStorage), and the web service passes it on, unread, to the platform's services, which
/// decide what the key may do. The web service holds no key of its own.
/// </summary>
internal static class CallerApiKey
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>The gRPC metadata key the query service reads the key from.</summary>
    public const string MetadataKey = "x-api-key";

    public static string? From(HttpContext? context) =>
        context?.Request.Headers[HeaderName].ToString() is { Length: > 0 } key ? key : null;
}
