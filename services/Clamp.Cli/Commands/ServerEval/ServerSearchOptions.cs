using System.CommandLine;
using System.Text.Json;
using Clamp.Cli.Commands.Platform;
using Grpc.Net.Client;

namespace Clamp.Cli.Commands.ServerEval;

/// <summary>
/// Adds <c>--server</c> to <c>clamp eval search</c>: with it the same JSONL runs against a running platform
/// (<see cref="ServerSearchEvaluation"/>) instead of a model directory; <c>--address</c>, <c>--ingest-url</c> and
/// <c>--api-key</c> default to the platform <c>./run.sh</c> starts.
/// </summary>
public static class ServerSearchOptions
{
    public const string DefaultIngestUrl = "http://127.0.0.1:5180";
    public const string DefaultApiKey = "local-dev-key";

    public static void AttachTo(Command search)
    {
        var server = new Option<bool>("--server") { Description = "Run against a running platform (upload, wait until indexed, Search) instead of --model." };
        var mode = new Option<string>("--mode") { Description = "With --server: hybrid, semantic or keyword.", DefaultValueFactory = _ => "hybrid" };
        mode.AcceptOnlyFromAmong(SearchModes.Names);
        var ingestUrl = new Option<string>("--ingest-url")
        {
            Description = "With --server: the ingest API (also CLAMP_INGEST_URL).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CLAMP_INGEST_URL") ?? DefaultIngestUrl,
        };
        var apiKey = new Option<string>("--api-key")
        {
            Description = "With --server: the ingest API key (also CLAMP_API_KEY).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CLAMP_API_KEY") ?? DefaultApiKey,
        };
        var indexTimeout = new Option<int>("--index-timeout") { Description = "With --server: seconds to wait for indexing.", DefaultValueFactory = _ => 900 };
        var ranksFile = new Option<string?>("--ranks") { Description = "With --server: also write each line's rank of its own score as JSONL ({line, score_id, rank}) to this file, to compare modes query by query." };
        var service = new QueryServiceOptions();
        search.Options.Add(server);
        search.Options.Add(mode);
        search.Options.Add(ingestUrl);
        search.Options.Add(apiKey);
        search.Options.Add(indexTimeout);
        search.Options.Add(ranksFile);
        service.AddTo(search);

        var model = search.Options.Single(o => o.Name == "--model");
        var data = (Option<string>)search.Options.Single(o => o.Name == "--data");
        model.Required = false;
        search.Validators.Add(result =>
        {
            if (result.GetValue(server) == (result.GetResult(model) is not null))
                result.AddError("give either --model DIR or --server");
        });

        var offline = search.Action;
        search.SetAction(async (result, cancellation) =>
        {
            if (!result.GetValue(server))
                return offline is System.CommandLine.Invocation.SynchronousCommandLineAction sync ? sync.Invoke(result)
                    : await ((System.CommandLine.Invocation.AsynchronousCommandLineAction)offline!).InvokeAsync(result, cancellation);

            var lines = SearchEvalLine.Read(result.GetRequiredValue(data));
            using var channel = GrpcChannel.ForAddress(result.GetRequiredValue(service.Address));
            var evaluation = new ServerSearchEvaluation(
                IngestClient.Create(new Uri(result.GetRequiredValue(ingestUrl)), result.GetRequiredValue(apiKey)),
                new Contracts.Grpc.ScoreSearch.ScoreSearchClient(channel), Console.Error);
            var run = await evaluation.RunAsync(lines, SearchModes.Parse(result.GetRequiredValue(mode)),
                result.GetValue(service.ModelVersion) ?? "", TimeSpan.FromSeconds(result.GetValue(indexTimeout)), cancellation);
            if (result.GetValue(ranksFile) is { } path)
                await File.WriteAllLinesAsync(path, run.RankLines(), cancellation);

            var metrics = run.Metrics;
            Console.WriteLine($"platform at {result.GetRequiredValue(service.Address)}, {lines.Count} lines, mode {result.GetRequiredValue(mode)}");
            Console.WriteLine(JsonSerializer.Serialize(new { n = metrics.N, mrr = metrics.Mrr, hr1 = metrics.Hr1, hr10 = metrics.Hr10, hr100 = metrics.Hr100 }));
            return 0;
        });
    }
}
