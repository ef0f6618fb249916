using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Clamp.Testing;

/// <summary>
/// PostgreSQL (pgvector image) and RabbitMQ (management image) in containers, for machines with Docker.
/// Host ports are fixed when the containers are created so that a restart keeps the same addresses.
/// </summary>
internal sealed class ContainerInfrastructure
{
    private const string PostgresImage = "pgvector/pgvector:0.8.0-pg15";
    private const string RabbitMqImage = "rabbitmq:3.10-management";
    private const string User = "clamp";
    private const string Password = "clamp";

    private readonly PostgreSqlContainer postgres;
    private readonly RabbitMqContainer rabbitMq;

    private ContainerInfrastructure(PostgreSqlContainer postgres, RabbitMqContainer rabbitMq, InfrastructureSettings settings)
    {
        this.postgres = postgres;
        this.rabbitMq = rabbitMq;
        Settings = settings;
    }

    public InfrastructureSettings Settings { get; }

    /// <summary>Starts both containers, or returns null when no Docker daemon can be used.</summary>
    public static async Task<ContainerInfrastructure?> TryStartAsync()
    {
        int pgPort = FreeTcpPort.Next(), amqpPort = FreeTcpPort.Next(), managementPort = FreeTcpPort.Next();
        PostgreSqlContainer postgres;
        RabbitMqContainer rabbitMq;
        try
        {
            postgres = new PostgreSqlBuilder(PostgresImage)
                .WithUsername(User).WithPassword(Password).WithDatabase("clamp")
                .WithPortBinding(pgPort, PostgreSqlBuilder.PostgreSqlPort)
                .Build();
            rabbitMq = new RabbitMqBuilder(RabbitMqImage)
                .WithUsername(User).WithPassword(Password)
                .WithPortBinding(amqpPort, RabbitMqBuilder.RabbitMqPort)
                .WithPortBinding(managementPort, 15672)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r
                    .ForPort(15672).ForPath("/api/overview").WithBasicAuthentication(User, Password)))
                .Build();
            await Task.WhenAll(postgres.StartAsync(), rabbitMq.StartAsync());
        }
        catch (Exception ex) when (ex is DockerUnavailableException or ArgumentException or TimeoutException or HttpRequestException)
        {
            return null;
        }

        var settings = new InfrastructureSettings(
            $"Host=127.0.0.1;Port={pgPort};Username={User};Password={Password};Database=clamp",
            $"amqp://{User}:{Password}@127.0.0.1:{amqpPort}/",
            $"http://127.0.0.1:{managementPort}/",
            PostgresRestartCommand: null,
            RabbitMqRestartCommand: null);
        return new ContainerInfrastructure(postgres, rabbitMq, settings);
    }

    public Task RestartPostgresAsync() => RestartAsync(postgres);

    public Task RestartRabbitMqAsync() => RestartAsync(rabbitMq);

    private static async Task RestartAsync(IContainer container)
    {
        await container.StopAsync();
        await container.StartAsync();
    }
}
