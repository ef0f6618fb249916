namespace Clamp.ServiceDefaults.Auth;

/// <summary>The claims and roles a caller's key gives it.</summary>
public static class ClampClaims
{
    /// <summary>The tenant of an API key.</summary>
    public const string Tenant = "clamp:tenant";

    /// <summary>Role of admin API keys.</summary>
    public const string AdminRole = "admin";

    /// <summary>Role of the service key (the internal gRPC services' callers).</summary>
    public const string ServiceRole = "service";

    /// <summary>Role of the management key.</summary>
    public const string ManagementRole = "management";
}
