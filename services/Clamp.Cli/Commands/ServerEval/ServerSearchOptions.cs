using System.CommandLine;
using Clamp.Cli.Commands.Connection;
using Clamp.Cli.Commands.Eval;
using Clamp.Cli.Commands.Platform;

namespace Clamp.Cli.Commands.ServerEval;

/// <summary>
/// Adds <c>--server</c> to <c>clamp eval search</c>: with it the same JSONL runs against a running platform
/// (<see cref="ServerSearchEvaluation"/>) instead of a model directory; <c>--address</c>, <c>--ingest-url</c> and
/// <c>--api-key</c> are the <see cref="PlatformOptions"/> every platform command takes.
/// </summary>
public static class ServerSearchOptions
{
    public static void AttachTo(Command search)
    {
        var server = new Option<bool>("--server") { Description = "Run against a running platform (upload, wait until indexed, Search) instead of --model." };
        var mode = new Option<string>("--mode") { Description = "With --server: hybrid, semantic or keyword.", DefaultValueFactory = _ => "hybrid" };
        mode.AcceptOnlyFromAmong(SearchModes.Names);
        var indexTimeout = new Option<int>("--index-timeout") { Description = "With --server: seconds to wait for indexing.", DefaultValueFactory = _ => 900 };
        var ranksFile = new Option<string?>("--ranks") { Description = "With --server: also write each line's rank of its own score as JSONL ({line, score_id, rank}) to this file, to compare modes query by query." };
        var platform = new PlatformOptions();
        var service = new QueryServiceOptions(platform);
        search.Options.Add(server);
        search.Options.Add(mode);
        platform.AddIngestTo(search);
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

            return await CommandFailures.Run(Console.Error, async () =>
            {
                var lines = SearchEvalLine.Read(result.GetRequiredValue(data));
                var settings = platform.Settings(result);
                using var connection = service.Connect(result);
                var evaluation = new ServerSearchEvaluation(connection.Ingest, connection.Search, Console.Error);
                var run = await evaluation.RunAsync(lines, SearchModes.Parse(result.GetRequiredValue(mode)),
                    result.GetValue(service.ModelVersion) ?? "", TimeSpan.FromSeconds(result.GetValue(indexTimeout)), cancellation);
                if (result.GetValue(ranksFile) is { } path)
                    await File.WriteAllLinesAsync(path, run.RankLines(), cancellation);

                Console.WriteLine($"platform at {settings.QueryAddress}, {lines.Count} lines, mode {result.GetRequiredValue(mode)}");
                ModelEvaluation.PrintResult(ModelEvaluation.SearchResult(run.Metrics));
                return ExitCodes.Success;
            });
        });
    }
}
