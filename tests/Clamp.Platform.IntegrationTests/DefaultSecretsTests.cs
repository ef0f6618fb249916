using Clamp.ServiceDefaults;
using Clamp.ServiceDefaults.Auth;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Clamp.Platform.IntegrationTests;

/// <summary>
/// Outside the Development environment a service does not start with a well-known or example secret: the keys of the
/// local scripts and of k8s/secrets.example.yaml, keys too short to be secret, the broker's guest/guest, a database
/// password left at the example's placeholder. The message names the setting, never the secret.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class DefaultSecretsTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>
{
    [Theory]
    [InlineData("Auth:ApiKeys:0:Key", "local-dev-key")]
    [InlineData("Auth:ApiKeys:0:Key", "change-me")]
    [InlineData("Auth:ApiKeys:0:Key", "CHANGE-ME-api-key-of-tenant-default")]
    [InlineData("Auth:ApiKeys:0:Key", "short-key")]
    [InlineData("Auth:ServiceKey", "local-dev-service-key")]
    [InlineData("Auth:ServiceKey", "change-me-service-key")]
    [InlineData("Auth:ManagementKey", "change-me")]
    public async Task A_default_or_example_key_is_refused_outside_development_and_accepted_in_it(string setting, string value)
    {
        var configuration = TestCredentials.Configuration();
        configuration[setting] = value;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(Environments.Production, configuration));
        await StartAsync(Environments.Development, configuration);

        Assert.Contains(setting, error.Message);
        Assert.DoesNotContain(value, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_brokers_guest_account_is_refused_outside_development()
    {
        var configuration = infrastructure.ServiceConfiguration();
        configuration["RabbitMq:Username"] = "guest";
        configuration["RabbitMq:Password"] = "guest";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(Environments.Production, configuration, builder => builder.AddMessageBus()));

        Assert.Contains("RabbitMq:Username", error.Message);
        Assert.Contains("guest", error.Message);
    }

    [Fact]
    public async Task A_database_password_left_at_the_examples_placeholder_is_refused_outside_development()
    {
        var configuration = infrastructure.ServiceConfiguration();
        configuration["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=5432;Username=clamp;Password=change-me;Database=clamp";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(Environments.Production, configuration, builder => builder.AddPostgres()));

        Assert.Contains("ConnectionStrings:Postgres", error.Message);
    }

    [Fact]
    public void Every_key_and_password_of_the_example_secrets_is_refused_outside_development()
    {
        var values = File.ReadLines(RepositoryPaths.Of("k8s", "secrets.example.yaml"))
            .Select(line => line.Trim())
            .Where(line => !line.StartsWith('#') && line.Contains(": ") && !line.EndsWith(':'))
            .Select(line => (Name: line[..line.IndexOf(':')], Value: line[(line.IndexOf(':') + 2)..].Trim('"')))
            .ToList();
        var secrets = values.Where(v => v.Name is "password" or "api-key" or "service-key" or "management-key").ToList();
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(values.Single(v => v.Name == "connection-string").Value);

        Assert.Equal(5, secrets.Count);
        Assert.All(secrets, s => Assert.NotNull(s.Name.EndsWith("key") ? DefaultSecrets.KeyRefusal(s.Value) : DefaultSecrets.PasswordRefusal(s.Value)));
        Assert.NotNull(DefaultSecrets.PasswordRefusal(connection.Password));
    }

    [Fact]
    public async Task The_test_credentials_are_accepted_outside_development() =>
        await StartAsync(Environments.Production, infrastructure.ServiceConfiguration(), builder => builder.AddMessageBus());

    private static async Task StartAsync(string environment, Dictionary<string, string?> configuration, Action<IHostApplicationBuilder>? add = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreeTcpPort.Next()}");
        builder.AddServiceDefaults();
        builder.RequireApiKeys();
        add?.Invoke(builder);
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        await app.StopAsync();
    }
}
