using System.Net;

namespace Clamp.Cli.Commands.Connection;

/// <summary>The ingest API answered a request with an error (other than a refused key): its status and reason.</summary>
public sealed class IngestRefusal(HttpStatusCode status, string request, string reason)
    : Exception($"{request}: {(int)status} {reason}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The server's reason (the problem document's code and detail).</summary>
    public string Reason { get; } = reason;
}
