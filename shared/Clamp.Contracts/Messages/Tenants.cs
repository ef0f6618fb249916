namespace Clamp.Contracts.Messages;

/// <summary>
/// Who a score belongs to: the tenant of the API key that uploaded it (docs/security.md, "Tenancy"). Each pipeline
/// message carries it from the ingest API to the vector store, which answers a search with the caller's tenants' scores only.
/// </summary>
public static class Tenants
{
    /// <summary>The tenant of scores stored before tenancy, of messages published before it, and of keys that name none.</summary>
    public const string Default = "default";

    /// <summary>A message's tenant; <see cref="Default"/> for a message published before messages carried one.</summary>
    public static string OrDefault(string? tenant) => string.IsNullOrEmpty(tenant) ? Default : tenant;
}
