using System.Net;
using System.Net.Http.Json;
using Clamp.Ingest.Api;
using Clamp.Testing;
using Xunit.Abstractions;

namespace Clamp.Ingest.Tests.Pipeline;

/// <summary>
/// Failures in the middle of ingestion: a stopped consumer, a RabbitMQ restart, a PostgreSQL restart. Each ends
/// with every score patched (or failed with its reason), none lost and none stored twice.
/// They restart the shared broker and database: trait Category=Disruptive lets a runner keep them apart from
/// other test assemblies (dotnet test --filter Category!=Disruptive, then Category=Disruptive).
/// </summary>
[Collection(DisruptiveTests.Name)]
[Trait("Category", "Disruptive")]
public sealed class ReliabilityTests(PipelineHost host, ITestOutputHelper output) : IClassFixture<PipelineHost>
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_patching_consumer_stopped_mid_batch_leaves_nothing_lost_or_doubled()
    {
        var batch = await host.UploadBatchAsync("sets.zip", TestScores.Zip(new[] { "jigs.abc", "reels.abc", "hornpipes.abc", "waltzes.abc" }.Select(n => (n, TestScores.Sample(n))).ToArray()));
        var ids = batch.Items.Select(i => i.Id!.Value).ToList();
        Assert.Equal(40, ids.Count);

        await host.Probe.WaitForAsync<Contracts.Messages.ScorePatched>(m => ids.Contains(m.ScoreId));
        await host.StopPatchingAsync();
        var patchedAtStop = await CountPatchedAsync(ids);
        output.WriteLine($"{patchedAtStop} of {ids.Count} patched when the consumer stopped");
        Assert.True(patchedAtStop < ids.Count, "the consumer finished the batch before it was stopped");
        await host.StartPatchingAsync();

        await Eventually.TrueAsync(async () => await CountPatchedAsync(ids) == ids.Count, "not every score was patched", Settle);
        Assert.Equal(ids.Count, await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores WHERE id = ANY($1)", ids.ToArray()));
    }

    [Fact]
    public async Task A_RabbitMQ_restart_during_ingestion_loses_no_score()
    {
        var uploads = new List<Guid>();
        var restart = host.Infrastructure.Platform.RestartRabbitMqAsync();
        while (!restart.IsCompleted || uploads.Count < 10)
        {
            uploads.Add((await host.UploadAsync("r.abc", TestScores.UniqueTune())).Body.Id);
            await Task.Delay(250);
        }
        await restart;
        output.WriteLine($"{uploads.Count} scores uploaded while RabbitMQ restarted");

        await Eventually.TrueAsync(async () => await CountPatchedAsync(uploads) == uploads.Count, "not every score was patched", Settle);
        await Eventually.TrueAsync(async () => await host.QueryAsync<long>("SELECT count(*) FROM ingest.outbox WHERE sent_at IS NULL") == 0,
            "the outbox still holds unsent messages", Settle);
    }

    [Fact]
    public async Task A_PostgreSQL_restart_during_ingestion_loses_no_score_and_answers_503_meanwhile()
    {
        var uploads = new List<Guid>();
        var statuses = new List<HttpStatusCode>();
        var restart = host.Infrastructure.Platform.RestartPostgresAsync();
        while (!restart.IsCompleted || uploads.Count < 10)
        {
            // A client that retries what the service could not store: 503 says nothing was stored.
            var response = await host.Client.PostAsync("v1/scores", IngestHost.Form("p.abc", TestScores.UniqueTune()));
            statuses.Add(response.StatusCode);
            if (response.IsSuccessStatusCode)
                uploads.Add((await response.Content.ReadFromJsonAsync<UploadResponse>(IngestHost.Json))!.Id);
            await Task.Delay(100);
        }
        await restart;
        output.WriteLine($"{uploads.Count} stored; answers: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key} x{g.Count()}"))}");

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"unexpected {s}"));
        await Eventually.TrueAsync(async () => await CountPatchedAsync(uploads) == uploads.Count, "not every score was patched", Settle);
    }

    private async Task<long> CountPatchedAsync(List<Guid> ids)
    {
        try
        {
            return await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores WHERE id = ANY($1) AND status = 'patched'", ids.ToArray());
        }
        catch (Npgsql.NpgsqlException)
        {
            return -1; // the database is still coming back
        }
    }
}

/// <summary>Tests that restart the shared broker or database run alone, not beside other tests of this assembly.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DisruptiveTests
{
    public const string Name = "disruptive";
}
