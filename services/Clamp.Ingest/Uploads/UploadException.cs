namespace Clamp.Ingest.Uploads;

/// <summary>An upload that is refused as a whole: the HTTP status, a short code and a readable reason.</summary>
public sealed class UploadException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;
}
