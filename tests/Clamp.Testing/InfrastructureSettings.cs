namespace Clamp.Testing;

/// <summary>
/// Where the integration tests find PostgreSQL and RabbitMQ: the CLAMP_TEST_* environment variables, or the
/// env.sh that deploy/local/up.sh writes (so `dotnet test` works right after `deploy/local/up.sh`).
/// </summary>
internal sealed record InfrastructureSettings(
    string Postgres,
    string RabbitMq,
    string RabbitMqManagement,
    string? PostgresRestartCommand,
    string? RabbitMqRestartCommand)
{
    public const string PostgresVariable = "CLAMP_TEST_POSTGRES";
    public const string RabbitMqVariable = "CLAMP_TEST_RABBITMQ";
    public const string RabbitMqManagementVariable = "CLAMP_TEST_RABBITMQ_MANAGEMENT";
    public const string PostgresRestartVariable = "CLAMP_TEST_POSTGRES_RESTART";
    public const string RabbitMqRestartVariable = "CLAMP_TEST_RABBITMQ_RESTART";

    public static InfrastructureSettings? FromEnvironment()
    {
        var values = ReadEnvFile();
        string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : values.GetValueOrDefault(name);

        var postgres = Get(PostgresVariable);
        var rabbit = Get(RabbitMqVariable);
        if (postgres is null || rabbit is null)
            return null;
        return new InfrastructureSettings(
            postgres,
            rabbit,
            Get(RabbitMqManagementVariable) ?? $"http://{new Uri(rabbit).Host}:15672/",
            Get(PostgresRestartVariable),
            Get(RabbitMqRestartVariable));
    }

    /// <summary>Reads "export NAME='value'" lines of $CLAMP_STATE_DIR/env.sh (default /tmp/clamp-platform/env.sh).</summary>
    private static Dictionary<string, string> ReadEnvFile()
    {
        var stateDir = Environment.GetEnvironmentVariable("CLAMP_STATE_DIR")
            ?? Path.Combine(Environment.GetEnvironmentVariable("TMPDIR") ?? "/tmp", "clamp-platform");
        var file = Path.Combine(stateDir, "env.sh");
        var values = new Dictionary<string, string>();
        if (!File.Exists(file))
            return values;
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Trim();
            if (!line.StartsWith("export ", StringComparison.Ordinal))
                continue;
            var eq = line.IndexOf('=');
            if (eq < 0)
                continue;
            values[line[7..eq].Trim()] = line[(eq + 1)..].Trim().Trim('\'', '"');
        }
        return values;
    }
}
