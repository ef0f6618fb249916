using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Clamp.Contracts.Grpc;
using Clamp.Contracts.Messages;
using MassTransit;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.LoadTest;

/// <summary>
/// Fills a model version of the vector store the way the platform does when a new model is published: through its
/// public messages on RabbitMQ (<see cref="ModelPublished"/>, one <see cref="ScoreEmbedded"/> per score, the re-index
/// job's <see cref="ReindexProgress"/>), watched through its gRPC <c>GetModelVersions</c>. The store writes the
/// embeddings in batches (binary COPY), builds the HNSW index once they are all in, and then serves the version.
/// A version the store does not build (the first it sees serves at once, indexed row by row) would load differently,
/// so an anchor version of one score is made to serve first.
/// </summary>
internal sealed class ReindexLoad(IBus bus, VectorStoreClient store, TimeSpan timeLimit)
{
    private const string ModelId = "loadtest";
    private const int Collections = 10;
    private const int PublishChunk = 1000;

    /// <summary>Makes some version serve, so that the measured versions are built as re-indexes are.</summary>
    public async Task EnsureSomethingServesAsync(int dimension)
    {
        if ((await store.GetModelVersionsAsync(new GetModelVersionsRequest())).ServingVersion.Length > 0)
            return;
        var anchor = $"loadtest-anchor-d{dimension}";
        await bus.Publish(Published(anchor, dimension));
        await WaitUntilAsync(anchor, v => v is not null, "to be registered");
        await bus.Publish(Embedded(anchor, 0, new ClusteredVectors(dimension, clusters: 1, spread: 0.6f, scatterSeed: 1).Next()));
        await WaitUntilAsync(anchor, v => v is { State: "serving", Indexed: 1 }, "to serve");
    }

    /// <summary>Loads <paramref name="size"/> synthetic vectors into their own version unless an earlier run left it complete; returns the timings.</summary>
    public async Task<object> LoadAsync(string version, int size, int dimension)
    {
        if (await FindAsync(version) is { Indexed: var indexed, State: "serving" or "retired" } && indexed == size)
        {
            Console.WriteLine($"{version}: reusing the {size:N0} vectors of an earlier run");
            return new { reused = true };
        }

        var clock = Stopwatch.StartNew();
        await bus.Publish(Published(version, dimension));
        await WaitUntilAsync(version, v => v is not null, "to be registered");
        var vectors = new ClusteredVectors(dimension, clusters: 200, spread: 0.6f, scatterSeed: 7);
        for (var start = 0; start < size; start += PublishChunk)
            await bus.PublishBatch(Enumerable.Range(start, Math.Min(PublishChunk, size - start)).Select(i => Embedded(version, i, vectors.Next())).ToList());
        await bus.Publish(new ReindexProgress { JobId = Guid.NewGuid(), ModelVersion = version, Done = size, Total = size, Completed = true });
        var published = clock.Elapsed;

        await WaitUntilAsync(version, v => v is not null && v.Indexed >= size, $"to hold all {size:N0} vectors");
        var stored = clock.Elapsed;
        await WaitUntilAsync(version, v => v is { State: "serving" }, "to build its HNSW index and serve");
        var serving = clock.Elapsed;
        Console.WriteLine($"{version}: {size:N0} vectors published in {published.TotalSeconds:0.0} s, stored after {stored.TotalSeconds:0.0} s " +
                          $"({size / stored.TotalSeconds:N0} rows/s), HNSW index built and serving after {serving.TotalSeconds:0.0} s");
        return new
        {
            reused = false,
            publishSeconds = published.TotalSeconds,
            storedSeconds = stored.TotalSeconds,
            storedRowsPerSecond = size / stored.TotalSeconds,
            indexSeconds = (serving - stored).TotalSeconds,
        };
    }

    private static ModelPublished Published(string version, int dimension) =>
        new() { ModelId = ModelId, ModelVersion = version, EmbeddingDim = dimension, PatchScheme = "clamp1" };

    private static ScoreEmbedded Embedded(string version, int i, float[] embedding) => new()
    {
        ScoreId = ScoreId(version, i),
        ContentHash = $"load{i}",
        ModelId = ModelId,
        ModelVersion = version,
        Embedding = embedding,
        Metadata = new ScoreMetadata
        {
            Title = $"Load tune {i}",
            Collection = $"c{i % Collections}",
            Key = "D major",
            Meter = "6/8",
            Type = "jig",
            Tags = ["loadtest"],
        },
    };

    /// <summary>The same id for the same version and row in every run, so a run that was cut short is completed, not doubled.</summary>
    private static Guid ScoreId(string version, int i) => new(MD5.HashData(Encoding.UTF8.GetBytes($"{version}/{i}")));

    private async Task<ModelVersionState?> FindAsync(string version) =>
        (await store.GetModelVersionsAsync(new GetModelVersionsRequest())).Versions.FirstOrDefault(v => v.ModelVersion == version);

    private async Task WaitUntilAsync(string version, Func<ModelVersionState?, bool> done, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!done(await FindAsync(version)))
        {
            if (deadline.Elapsed > timeLimit)
                throw new TimeoutException($"Waited {timeLimit.TotalSeconds:0} s for {version} {what}.");
            await Task.Delay(200);
        }
    }
}
