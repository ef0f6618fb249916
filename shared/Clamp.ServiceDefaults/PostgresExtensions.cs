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
    /// (environment: ConnectionStrings__Postgres), with pgvector types mapped, and a readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddPostgres(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set (environment variable ConnectionStrings__{ConnectionStringName}).");

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
