using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Clamp.Contracts.Grpc;
using Clamp.Music;
using Clamp.Music.Patching;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.LoadTest;

/// <summary>
/// End-to-end ingest throughput of the running platform: uploads N synthetic tunes through the ingest API
/// (multi-tune ABC batches) and waits until the vector store's serving version holds them all, i.e. they are
/// searchable. Then the embedding service's raw rate on the same tunes (patched here, sent straight over gRPC),
/// the ceiling the pipeline is compared with.
/// </summary>
internal sealed class IngestBenchmark(Arguments args)
{
    public async Task<object> RunAsync()
    {
        var count = args.Number("count", 10_000);
        var chunk = args.Number("chunk", 500);
        var timeLimit = TimeSpan.FromSeconds(args.Number("time-limit", 900));
        var seed = Environment.TickCount;
        var tunes = SyntheticTunes.Generate(count, seed).ToList();
        var (vectorStoreChannel, vectorStoreCalls) = args.Grpc("vector-store", "http://127.0.0.1:5182", args.ServiceKey);
        using var _ = vectorStoreChannel;
        var store = new VectorStoreClient(vectorStoreCalls);
        var before = await ServingCountAsync(store);

        using var http = new HttpClient { BaseAddress = args.Address("ingest", "http://127.0.0.1:5180"), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", args.ApiKey);
        var clock = Stopwatch.StartNew();
        var timeline = new IngestTimeline(clock, async () => (await ServingCountAsync(store)).Indexed - before.Indexed,
            args.Text("rabbitmq-management", "") is { Length: > 0 } management ? new Uri(management) : null,
            args.Text("rabbitmq-user", "clamp"), args.Text("rabbitmq-password", "clamp"));
        for (var start = 0; start < count; start += chunk)
        {
            var body = string.Join("\n", tunes.Skip(start).Take(chunk));
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/vnd.abc");
            form.Add(file, "file", $"loadtest-{seed}-{start}.abc");
            using var response = await http.PostAsync("/v1/scores:batch", form);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            timeline.Accepted(Math.Min(chunk, count - start));
        }
        var uploaded = clock.Elapsed;
        Console.WriteLine($"  uploaded {count:N0} tunes in {uploaded.TotalSeconds:0.0} s");

        var (version, indexed) = await ServingCountAsync(store);
        var target = before.Indexed + count;
        while (indexed < target && clock.Elapsed < timeLimit)
        {
            await Task.Delay(250);
            (version, indexed) = await ServingCountAsync(store);
        }
        clock.Stop();
        await timeline.DisposeAsync();
        if (args.Text("plot", "") is { Length: > 0 } plotPath)
        {
            IngestTimelinePlot.Write(timeline.Samples, plotPath, $"Ingest of {count:N0} synthetic tunes, model {version}");
            Console.WriteLine($"  timeline plot: {plotPath}");
        }

        var searchable = indexed - before.Indexed;
        var rate = searchable / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {searchable:N0} of {count:N0} searchable after {clock.Elapsed.TotalSeconds:0.0} s: {rate:0.0} scores/s end to end (model version {version})");

        var raw = await RawEmbeddingRateAsync(tunes.Take(args.Number("raw-count", 2000)).ToList());
        return new
        {
            count, chunk, uploadSeconds = uploaded.TotalSeconds, searchable, seconds = clock.Elapsed.TotalSeconds,
            scoresPerSecond = rate, modelVersion = version, completed = searchable >= count, raw,
        };
    }

    private static async Task<(string Version, long Indexed)> ServingCountAsync(VectorStoreClient store)
    {
        var versions = await store.GetModelVersionsAsync(new GetModelVersionsRequest());
        var serving = versions.Versions.FirstOrDefault(v => v.ModelVersion == versions.ServingVersion);
        return (versions.ServingVersion, serving?.Indexed ?? 0);
    }

    private async Task<object> RawEmbeddingRateAsync(IReadOnlyList<string> tunes)
    {
        var (channel, calls) = args.Grpc("embedder", "http://127.0.0.1:5181", args.ServiceKey);
        using var _ = channel;
        var embedder = new Embedder.EmbedderClient(calls);
        var model = (await embedder.ListModelsAsync(new ListModelsRequest())).Models.First(m => m.IsDefault);
        var input = ModelInput.Of(model.PatchScheme, model.MaxPatches, null);
        var importer = new ScoreImporter();
        var items = tunes.Select((abc, i) =>
        {
            var patches = input.Patch(importer.Import($"t{i}.abc", Encoding.UTF8.GetBytes(abc)).Tunes[0].Tune!);
            return new ScoreItem
            {
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Patches = Google.Protobuf.ByteString.CopyFrom(patches.Ids),
                PatchCount = patches.Count,
                PatchLength = patches.PatchLength,
                PatchScheme = model.PatchScheme,
            };
        }).ToList();
        var batch = args.Number("raw-batch", 32);
        var batches = items.Chunk(batch).ToList();
        var stats = await LatencyStats.MeasureAsync(batches.Count, args.Number("raw-concurrency", 4), async i =>
        {
            var request = new EmbedScoresRequest { ModelVersion = model.ModelVersion, Scores = { batches[i] } };
            await embedder.EmbedScoresAsync(request);
        });
        var rate = stats.CallsPerSecond * batch;
        Console.WriteLine($"  embedding service raw rate: {rate:0.0} scores/s ({items.Count:N0} scores in batches of {batch}; {stats}; provider {model.ExecutionProvider})");
        return new { scores = items.Count, batch, scoresPerSecond = rate, perBatch = stats, provider = model.ExecutionProvider, modelVersion = model.ModelVersion };
    }
}
