namespace Clamp.Testing;

/// <summary>
/// The credentials test hosts run with (configuration section "Auth", see docs/security.md): an API key of tenant
/// <see cref="Tenant"/>, the service key of the internal gRPC services and the management key. Each is long enough
/// for the start-up checks a service makes outside Development (test hosts run as Production unless they say).
/// </summary>
public static class TestCredentials
{
    public const string Tenant = "alpha";
    public const string ApiKey = "test-api-key-of-tenant-alpha-0001";
    public const string ServiceKey = "test-service-key-internal-grpc-0001";
    public const string ManagementKey = "test-management-key-metrics-0001";

    /// <summary>The "Auth" settings of a service under test.</summary>
    public static Dictionary<string, string?> Configuration() => new()
    {
        ["Auth:ApiKeys:0:Key"] = ApiKey,
        ["Auth:ApiKeys:0:Tenant"] = Tenant,
        ["Auth:ServiceKey"] = ServiceKey,
        ["Auth:ManagementKey"] = ManagementKey,
    };
}
