using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Clamp.Testing;

/// <summary>
/// The real PostgreSQL (with pgvector) and RabbitMQ that integration tests run against, one per test process.
/// Found in this order: the CLAMP_TEST_* environment variables (set by ./test.sh from deploy/local/up.sh),
/// the env.sh that deploy/local/up.sh wrote, or containers started with Testcontainers. When none is possible
/// the tests fail with a message that says what to run: they never pass without the real things.
/// </summary>
public sealed class PlatformInfrastructure
{
    private static readonly Lazy<Task<PlatformInfrastructure>> Shared = new(StartAsync);

    private readonly InfrastructureSettings settings;
    private readonly ContainerInfrastructure? containers;
    private readonly HttpClient management;

    private PlatformInfrastructure(InfrastructureSettings settings, ContainerInfrastructure? containers)
    {
        this.settings = settings;
        this.containers = containers;
        PostgresConnectionString = settings.Postgres;
        RabbitMq = RabbitMqEndpoint.Parse(settings.RabbitMq, settings.RabbitMqManagement);
        management = new HttpClient(new ManagementApiRetryHandler()) { BaseAddress = RabbitMq.ManagementUri, Timeout = TimeSpan.FromSeconds(30) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitMq.Username}:{RabbitMq.Password}")));
    }

    /// <summary>Connection string of the administrative database (a superuser: it may create databases).</summary>
    public string PostgresConnectionString { get; }

    public RabbitMqEndpoint RabbitMq { get; }

    /// <summary>"environment" or "testcontainers": where the infrastructure came from.</summary>
    public string Source => containers is null ? "environment" : "testcontainers";

    /// <summary>The process-wide infrastructure, started on first use.</summary>
    public static Task<PlatformInfrastructure> GetAsync() => Shared.Value;

    private static async Task<PlatformInfrastructure> StartAsync()
    {
        if (InfrastructureSettings.FromEnvironment() is { } settings)
            return new PlatformInfrastructure(settings, null);

        var containers = await ContainerInfrastructure.TryStartAsync();
        if (containers is null)
            throw new InvalidOperationException(
                "Integration tests need PostgreSQL (with pgvector) and RabbitMQ, and none was found: " +
                $"{InfrastructureSettings.PostgresVariable}/{InfrastructureSettings.RabbitMqVariable} are not set, " +
                "no env.sh from deploy/local/up.sh exists, and no Docker daemon answers for Testcontainers. " +
                "Run ./test.sh (it provisions both natively), or `deploy/local/up.sh && . /tmp/clamp-platform/env.sh` " +
                "before `dotnet test`, or start Docker.");
        return new PlatformInfrastructure(containers.Settings, containers);
    }

    /// <summary>A fresh, empty database with the vector extension; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = UniqueName(prefix);
        await using (var admin = new NpgsqlConnection(PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var extension = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS vector", connection);
        await extension.ExecuteNonQueryAsync();
        return connectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A fresh RabbitMQ virtual host (so tests never see each other's queues); returns its name.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix = "test")
    {
        var vhost = UniqueName(prefix);
        var escaped = Uri.EscapeDataString(vhost);
        (await management.PutAsJsonAsync($"api/vhosts/{escaped}", new { })).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync(
            $"api/permissions/{escaped}/{Uri.EscapeDataString(RabbitMq.Username)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return vhost;
    }

    public async Task DeleteVirtualHostAsync(string vhost) =>
        await management.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(vhost)}");

    /// <summary>
    /// The queues of a virtual host with their message counts, from the management API, read from the queues themselves
    /// (<c>disable_stats</c> + <c>enable_queue_totals</c>) rather than from its statistics database, which lags behind
    /// by its collection interval and, in RabbitMQ 3.10, fails with 500 while it catches up with new queues.
    /// </summary>
    public async Task<IReadOnlyList<QueueInfo>> GetQueuesAsync(string vhost)
    {
        var queues = await management.GetFromJsonAsync<List<QueueInfo>>(
            $"api/queues/{Uri.EscapeDataString(vhost)}?disable_stats=true&enable_queue_totals=true");
        return queues ?? [];
    }

    /// <summary>Closes every client connection of a virtual host from the broker's side: what the broker sees when the
    /// processes holding them die (their unacknowledged messages go back to their queues). Returns how many it closed:
    /// the management API lists a new connection only after its statistics interval (5 s by default).</summary>
    public async Task<int> CloseConnectionsAsync(string vhost)
    {
        var connections = await management.GetFromJsonAsync<List<ConnectionInfo>>($"api/vhosts/{Uri.EscapeDataString(vhost)}/connections") ?? [];
        foreach (var connection in connections)
            await management.DeleteAsync($"api/connections/{Uri.EscapeDataString(connection.Name)}");
        return connections.Count;
    }

    /// <summary>Drops every message of a queue.</summary>
    public async Task PurgeQueueAsync(string vhost, string queue) =>
        (await management.DeleteAsync($"api/queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}/contents")).EnsureSuccessStatusCode();

    private sealed record ConnectionInfo([property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name);

    /// <summary>Stops and starts PostgreSQL (same address and data). Used by the reliability tests.</summary>
    public Task RestartPostgresAsync() =>
        containers is not null ? containers.RestartPostgresAsync() : RunRestartCommandAsync(settings.PostgresRestartCommand, "PostgreSQL");

    /// <summary>Stops and starts RabbitMQ (same address, durable queues kept). Used by the reliability tests.</summary>
    public Task RestartRabbitMqAsync() =>
        containers is not null ? containers.RestartRabbitMqAsync() : RunRestartCommandAsync(settings.RabbitMqRestartCommand, "RabbitMQ");

    /// <summary>
    /// Configuration for a service host under test, in the keys the services bind
    /// (ConnectionStrings:Postgres, RabbitMq:*), with the credentials of <see cref="TestCredentials"/> (Auth:*).
    /// </summary>
    public Dictionary<string, string?> ServiceConfiguration(string? databaseConnectionString = null, string? virtualHost = null)
    {
        var configuration = TestCredentials.Configuration();
        configuration["ConnectionStrings:Postgres"] = databaseConnectionString ?? PostgresConnectionString;
        configuration["RabbitMq:Host"] = RabbitMq.Host;
        configuration["RabbitMq:Port"] = RabbitMq.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration["RabbitMq:Username"] = RabbitMq.Username;
        configuration["RabbitMq:Password"] = RabbitMq.Password;
        configuration["RabbitMq:VirtualHost"] = virtualHost ?? "/";
        return configuration;
    }

    private static async Task RunRestartCommandAsync(string? command, string what)
    {
        if (string.IsNullOrWhiteSpace(command))
            throw new InvalidOperationException(
                $"No way to restart {what}: set {(what == "RabbitMQ" ? InfrastructureSettings.RabbitMqRestartVariable : InfrastructureSettings.PostgresRestartVariable)} " +
                "(deploy/local/up.sh writes it) or use Testcontainers.");
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"could not run '{command}'");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{command}' failed with exit code {process.ExitCode}: {await stderr}");
    }

    private static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();
}
