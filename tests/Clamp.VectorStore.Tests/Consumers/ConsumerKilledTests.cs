using Clamp.Contracts.Messages;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using MassTransit;

namespace Clamp.VectorStore.Tests.Consumers;

/// <summary>
/// The vector store process is killed (SIGKILL) while batches are in flight; a new process takes over the queue
/// and every score ends up indexed exactly once, none lost, none counted twice.
/// </summary>
public sealed class ConsumerKilledTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>
{
    private const int Scores = 1500;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_score_is_indexed_once_when_the_consumer_is_killed_mid_batch()
    {
        var configuration = infrastructure.ServiceConfiguration();
        configuration["VectorStore:BatchSize"] = "50";
        await using var bus = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost)
            .Record<ScoreIndexed>().Record<ScoreFailed>().StartAsync();
        var vectors = new UnitVectors(16, 9);
        var messages = Enumerable.Range(0, Scores).Select(_ => Embedded.Score(Guid.NewGuid(), vectors.Next())).ToList();

        long rowsAtKill;
        using (var first = await VectorStoreProcess.StartAsync(configuration))
        {
            await bus.Bus.PublishBatch(messages);
            await Eventually.TrueAsync(async () => await CountAsync() >= 150, "indexing under way", Wait);
            first.Kill();
            rowsAtKill = await CountAsync();
        }
        Assert.True(rowsAtKill < Scores, $"the kill interrupted indexing ({rowsAtKill} of {Scores} stored)");

        using var second = await VectorStoreProcess.StartAsync(configuration);
        await Eventually.TrueAsync(async () => await CountAsync() == Scores, "every score stored", Wait);
        Assert.Equal(Scores, await ScalarAsync("SELECT indexed FROM model_versions WHERE model_version = '1.0.0'"));
        await IndexedOnce.AssertAsync(infrastructure, bus, messages);
    }

    private async Task<long> CountAsync()
    {
        var exists = await ScalarAsync("SELECT count(*) FROM model_versions WHERE model_version = '1.0.0'");
        return exists == 0 ? 0 : await ScalarAsync($"SELECT count(*) FROM {Storage.VersionTableName.For("1.0.0")}");
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(infrastructure.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
