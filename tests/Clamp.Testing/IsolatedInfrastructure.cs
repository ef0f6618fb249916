using Xunit;

namespace Clamp.Testing;

/// <summary>
/// A class fixture (<c>IClassFixture&lt;IsolatedInfrastructure&gt;</c>): its own fresh PostgreSQL database
/// (with pgvector) and RabbitMQ virtual host on the shared infrastructure, removed afterwards.
/// </summary>
public sealed class IsolatedInfrastructure : IAsyncLifetime
{
    public PlatformInfrastructure Platform { get; private set; } = null!;
    public string DatabaseConnectionString { get; private set; } = "";
    public string VirtualHost { get; private set; } = "";

    /// <summary>Service configuration pointing at this fixture's database and virtual host.</summary>
    public Dictionary<string, string?> ServiceConfiguration() => Platform.ServiceConfiguration(DatabaseConnectionString, VirtualHost);

    public async Task InitializeAsync()
    {
        Platform = await PlatformInfrastructure.GetAsync();
        DatabaseConnectionString = await Platform.CreateDatabaseAsync();
        VirtualHost = await Platform.CreateVirtualHostAsync();
    }

    public async Task DisposeAsync()
    {
        if (Platform is null)
            return;
        if (DatabaseConnectionString.Length > 0)
            await Platform.DropDatabaseAsync(DatabaseConnectionString);
        if (VirtualHost.Length > 0)
            await Platform.DeleteVirtualHostAsync(VirtualHost);
    }
}
