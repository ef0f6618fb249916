using System.CommandLine;
using Clamp.Cli.Commands.Connection;
using Clamp.Contracts.Grpc;

namespace Clamp.Cli.Commands.Platform;

/// <summary><c>clamp search "a lively jig in D"</c>: natural-language search through the query service.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "What to look for, in plain words." };
        var k = new Option<int>("--k") { Description = "Results per page.", DefaultValueFactory = _ => 10 };
        var types = new Option<string[]>("--type") { Description = "Only these tune types (repeatable)." };
        var keys = new Option<string[]>("--key") { Description = "Only these keys, e.g. \"D major\" (repeatable)." };
        var collections = new Option<string[]>("--collection") { Description = "Only these collections (repeatable)." };
        var mode = new Option<string>("--mode")
        {
            Description = "hybrid (keywords and musical meaning, fused), semantic or keyword.",
            DefaultValueFactory = _ => "hybrid",
        };
        mode.AcceptOnlyFromAmong(SearchModes.Names);
        var json = JsonOutput.CreateOption();
        var service = new QueryServiceOptions();

        var command = new Command("search", "Search the indexed scores with a text query (gRPC ScoreSearch.Search).")
        {
            query, k, types, keys, collections, mode, json,
        };
        service.AddTo(command);
        command.SetAction((result, cancellation) => CommandFailures.Run(result.InvocationConfiguration.Error, async () =>
        {
            var (channel, client) = service.Connect(result);
            using var _ = channel;
            var filter = new ScoreFilter();
            filter.Types_.AddRange(result.GetValue(types) ?? []);
            filter.Keys.AddRange(result.GetValue(keys) ?? []);
            filter.Collections.AddRange(result.GetValue(collections) ?? []);
            var response = await client.SearchAsync(
                new SearchRequest
                {
                    Query = result.GetRequiredValue(query),
                    K = result.GetValue(k),
                    Filter = filter,
                    ModelVersion = result.GetValue(service.ModelVersion) ?? "",
                    Mode = SearchModes.Parse(result.GetRequiredValue(mode)),
                },
                deadline: service.Deadline(result),
                cancellationToken: cancellation);

            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                JsonOutput.Write(output, HitsJson.From(response.Hits));
                return ExitCodes.Success;
            }

            output.WriteLine($"search \"{result.GetRequiredValue(query)}\" ({result.GetRequiredValue(mode)}, model {response.ModelVersion}):");
            HitPrinter.Write(output, response.Hits);
            return ExitCodes.Success;
        }));
        return command;
    }
}
