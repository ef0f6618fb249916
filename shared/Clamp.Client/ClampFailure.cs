namespace Clamp.Client;

/// <summary>What kind of failure a <see cref="ClampException"/> is.</summary>
public enum ClampFailure
{
    /// <summary>The server could not be reached (or answered UNAVAILABLE / 503 after every retry).</summary>
    Unreachable,

    /// <summary>The server refused the API key (UNAUTHENTICATED / PERMISSION_DENIED, HTTP 401 / 403).</summary>
    Unauthenticated,

    /// <summary>The server did not answer within <see cref="ClampClientOptions.Timeout"/>.</summary>
    DeadlineExceeded,

    /// <summary>The server refused the request (bad input, unknown score, a limit): <see cref="ClampException.Reason"/> says why.</summary>
    Refused,
}
