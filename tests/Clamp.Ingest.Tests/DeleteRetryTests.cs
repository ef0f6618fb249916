using System.Collections.Concurrent;
using Clamp.Contracts.Messages;
using Clamp.Testing;

namespace Clamp.Ingest.Tests;

/// <summary>
/// A deletion the vector store gives up on (it publishes Fault&lt;ScoreDeleted&gt; after its retries) is not forgotten:
/// it is announced again after a wait, and after Ingest:DeleteRetry:MaxAttempts failures it is marked failed in
/// ingest.failed_deletes and announced no more. A stand-in for the vector store fails the deletions it is told to.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class DeleteRetryTests(DeleteRetryTests.Host host) : IClassFixture<DeleteRetryTests.Host>
{
    public sealed class Host : IngestHost
    {
        public const int MaxAttempts = 3;

        /// <summary>How often the stand-in vector store was told to delete each score.</summary>
        public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

        /// <summary>Scores whose deletion the stand-in fails every time; the others fail the first time only.</summary>
        public ConcurrentDictionary<Guid, bool> AlwaysFailing { get; } = new();

        public MessageProbe VectorStore { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            VectorStore = await new MessageProbe(Infrastructure.Platform.RabbitMq, Infrastructure.VirtualHost, "vector-store")
                .Handle<ScoreDeleted>(context =>
                {
                    var delivery = Deliveries.AddOrUpdate(context.Message.ScoreId, 1, (_, count) => count + 1);
                    return delivery == 1 || AlwaysFailing.ContainsKey(context.Message.ScoreId)
                        ? throw new InvalidOperationException($"stand-in vector store: delivery {delivery} of score {context.Message.ScoreId} fails")
                        : Task.CompletedTask;
                })
                .StartAsync();
        }

        protected override void Configure(Dictionary<string, string?> configuration)
        {
            configuration["Ingest:DeleteRetry:MaxAttempts"] = MaxAttempts.ToString();
            configuration["Ingest:DeleteRetry:FirstDelay"] = "00:00:00.100";
            configuration["Ingest:DeleteRetry:PollInterval"] = "00:00:00.100";
        }

        public override async Task DisposeAsync()
        {
            if (VectorStore is not null)
                await VectorStore.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_deletion_the_vector_store_gave_up_on_is_announced_again()
    {
        var score = await UploadAndDeleteAsync();

        await Eventually.TrueAsync(() => host.Deliveries.GetValueOrDefault(score) == 2, "the deletion was not announced again", TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(async () => await StatusAsync(score) == "announced", "the deletion is not recorded as announced again", TimeSpan.FromSeconds(30));
        Assert.Equal(1, await host.QueryAsync<int>("SELECT failures FROM ingest.failed_deletes WHERE score_id = $1", score));
    }

    [Fact]
    public async Task A_deletion_that_keeps_failing_is_marked_failed_after_the_attempt_limit_and_announced_no_more()
    {
        var score = await UploadAndDeleteAsync(beforeDelete: id => host.AlwaysFailing[id] = true);

        await Eventually.TrueAsync(async () => await StatusAsync(score) == "failed", "the deletion was not marked failed", TimeSpan.FromSeconds(30));
        Assert.Equal(Host.MaxAttempts, host.Deliveries[score]);
        Assert.Equal(Host.MaxAttempts, await host.QueryAsync<int>("SELECT failures FROM ingest.failed_deletes WHERE score_id = $1", score));
        Assert.Contains("stand-in vector store", await host.QueryAsync<string>("SELECT last_error FROM ingest.failed_deletes WHERE score_id = $1", score));
        // Announced no more: another deletion goes through its whole round meanwhile, this one is not sent again.
        var other = await UploadAndDeleteAsync();
        await Eventually.TrueAsync(async () => await StatusAsync(other) == "announced", "the other deletion was not announced again", TimeSpan.FromSeconds(30));
        Assert.Equal(Host.MaxAttempts, host.Deliveries[score]);
    }

    private async Task<Guid> UploadAndDeleteAsync(Action<Guid>? beforeDelete = null)
    {
        var (_, score) = await host.UploadAsync("deleted.abc", TestScores.UniqueTune());
        beforeDelete?.Invoke(score.Id);
        var response = await host.Client.DeleteAsync($"v1/scores/{score.Id}");
        Assert.True(response.IsSuccessStatusCode);
        return score.Id;
    }

    private async Task<string?> StatusAsync(Guid score) =>
        await host.QueryAsync<object>("SELECT coalesce((SELECT status FROM ingest.failed_deletes WHERE score_id = $1), '')", score) as string;
}
