namespace Clamp.Testing;

/// <summary>
/// The credentials test hosts run with (configuration section "Auth", see docs/security.md): API keys of two tenants
/// (<see cref="Tenant"/>, <see cref="OtherTenant"/>), an admin key of the first, a key of the shared tenant
/// <see cref="SharedTenant"/> (whose scores every key reads), the service key of the internal gRPC services and the
/// management key. Each is long enough for the start-up checks a service makes outside Development (test hosts run
/// as Production unless they say).
/// </summary>
public static class TestCredentials
{
    public const string Tenant = "alpha";
    public const string ApiKey = "test-api-key-of-tenant-alpha-0001";
    public const string AdminKey = "test-admin-key-of-tenant-alpha-0001";
    public const string OtherTenant = "beta";
    public const string OtherTenantKey = "test-api-key-of-tenant-beta-0001";
    public const string SharedTenant = "library";
    public const string SharedTenantKey = "test-api-key-of-tenant-library-0001";
    public const string ServiceKey = "test-service-key-internal-grpc-0001";
    public const string ManagementKey = "test-management-key-metrics-0001";

    /// <summary>The "Auth" settings of a service under test.</summary>
    public static Dictionary<string, string?> Configuration() => new()
    {
        ["Auth:ApiKeys:0:Key"] = ApiKey,
        ["Auth:ApiKeys:0:Tenant"] = Tenant,
        ["Auth:ApiKeys:1:Key"] = AdminKey,
        ["Auth:ApiKeys:1:Tenant"] = Tenant,
        ["Auth:ApiKeys:1:Admin"] = "true",
        ["Auth:ApiKeys:2:Key"] = OtherTenantKey,
        ["Auth:ApiKeys:2:Tenant"] = OtherTenant,
        ["Auth:ApiKeys:3:Key"] = SharedTenantKey,
        ["Auth:ApiKeys:3:Tenant"] = SharedTenant,
        ["Auth:SharedTenants:0"] = SharedTenant,
        ["Auth:ServiceKey"] = ServiceKey,
        ["Auth:ManagementKey"] = ManagementKey,
    };
}
