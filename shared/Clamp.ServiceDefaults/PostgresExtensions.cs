using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Clamp.ServiceDefaults;

public static class PostgresExtensions
{
    public const string ConnectionStringName = "Postgres";

    /// <summary>
    /// One <see cref="NpgsqlDataSource"/> for the service, from ConnectionStrings:Postgres
    /// (environment: ConnectionStrings__Postgres), with pgvector types mapped, and a readiness check. Outside
    /// Development, a password left at a default or placeholder (<see cref="DefaultSecrets"/>) is refused.
    /// </summary>
    public static IHostApplicationBuilder AddPostgres(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set (environment variable ConnectionStrings__{ConnectionStringName}).");
        if (!builder.Environment.IsDevelopment()
            && DefaultSecrets.PasswordRefusal(new NpgsqlConnectionStringBuilder(connectionString).Password) is { } why)
            throw new InvalidOperationException(
                $"The password of ConnectionStrings:{ConnectionStringName} {why} (refused outside the Development environment).");

        builder.Services.AddSingleton(_ =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(connectionString);
            dataSource.UseVector();
            return dataSource.Build();
        });
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres");
        return builder;
    }
}
