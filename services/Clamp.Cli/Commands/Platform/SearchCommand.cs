using System.CommandLine;
using Clamp.Cli.Commands.Connection;
using Clamp.Cli.Commands.Local;
using Clamp.Contracts.Grpc;

namespace Clamp.Cli.Commands.Platform;

/// <summary>
/// <c>clamp search "a lively jig in D"</c>: natural-language search through the query service; or, with a directory
/// first, <c>clamp search DIR "a slow air in D minor"</c>: local mode, the directory's scores indexed and searched
/// here, with no server (<see cref="LocalSearch"/>).
/// </summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var words = new Argument<string[]>("QUERY")
        {
            Description = "What to look for, in plain words; after a directory (DIR QUERY), search that directory's scores locally, with no server.",
            HelpName = "[DIR] QUERY",
            Arity = new ArgumentArity(1, 2),
        };
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
        var model = LocalModelOption.Create();
        var service = new QueryServiceOptions();

        var command = new Command("search", "Search the indexed scores with a text query (gRPC ScoreSearch.Search), or the scores of a directory locally (DIR QUERY).")
        {
            words, k, types, keys, collections, mode, json, model,
        };
        service.AddTo(command);
        command.SetAction((result, cancellation) => CommandFailures.Run(result.InvocationConfiguration.Error, async () =>
        {
            var given = result.GetRequiredValue(words);
            if (given.Length == 2)
            {
                return LocalSearch.Run(LocalRequest.Of(result, model, json, result.GetValue(k)), given[0], given[1]);
            }

            var query = given[0];
            using var platform = service.Connect(result);
            var filter = new ScoreFilter();
            filter.Types_.AddRange(result.GetValue(types) ?? []);
            filter.Keys.AddRange(result.GetValue(keys) ?? []);
            filter.Collections.AddRange(result.GetValue(collections) ?? []);
            var response = await platform.Search.SearchAsync(
                new SearchRequest
                {
                    Query = query,
                    K = result.GetValue(k),
                    Filter = filter,
                    ModelVersion = result.GetValue(service.ModelVersion) ?? "",
                    Mode = SearchModes.Parse(result.GetRequiredValue(mode)),
                },
                cancellation);

            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                JsonOutput.Write(output, HitsJson.From(response.Hits));
                return ExitCodes.Success;
            }

            output.WriteLine($"search \"{query}\" ({result.GetRequiredValue(mode)}, model {response.ModelVersion}):");
            HitPrinter.Write(output, response.Hits);
            return ExitCodes.Success;
        }));
        return command;
    }
}
