using System.CommandLine;
using Clamp.Cli.Commands.Connection;
using Clamp.Cli.Commands.Local;
using Clamp.Contracts.Grpc;

namespace Clamp.Cli.Commands.Platform;

/// <summary>
/// <c>clamp similar (ID | --file tune.mid | --abc "|:d2B cAF|...")</c>: the indexed scores nearest to a stored score,
/// a score file or a few bars of ABC; or <c>clamp similar FILE DIR</c>: local mode, the tunes of a directory nearest
/// to a score file, found here with no server (<see cref="LocalSimilar"/>).
/// </summary>
public static class SimilarCommand
{
    public static Command Create()
    {
        var scoreId = new Argument<string?>("SCORE_ID")
        {
            Description = "An indexed score's id; before DIR (FILE DIR), a score file whose neighbours in DIR are found locally.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var directory = new Argument<string?>("DIR")
        {
            Description = "Local mode: the directory of scores to search, with no server.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var file = new Option<FileInfo?>("--file") { Description = "A score file (not indexed) to find neighbours of." };
        var abc = new Option<string?>("--abc") { Description = "A few bars of ABC to find neighbours of." };
        var k = new Option<int>("--k") { Description = "Results per page.", DefaultValueFactory = _ => 10 };
        var json = JsonOutput.CreateOption();
        var model = LocalModelOption.Create();
        var service = new QueryServiceOptions();

        var command = new Command("similar", "The scores most similar to a score, a file or an ABC fragment (gRPC ScoreSearch.Similar), or to a file among a directory's scores locally (FILE DIR).")
        {
            scoreId, directory, file, abc, k, json, model,
        };
        service.AddTo(command);
        command.Validators.Add(result =>
        {
            var given = new object?[] { result.GetValue(scoreId), result.GetValue(file), result.GetValue(abc) }.Count(v => v is not null);
            if (given != 1)
                result.AddError("give exactly one of SCORE_ID, --file and --abc");
        });
        command.SetAction((result, cancellation) => CommandFailures.Run(result.InvocationConfiguration.Error, async () =>
        {
            if (result.GetValue(directory) is { } local)
                return LocalSimilar.Run(LocalRequest.Of(result, model, json, result.GetValue(k)), result.GetValue(scoreId)!, local);

            var request = new SimilarRequest { K = result.GetValue(k), ModelVersion = result.GetValue(service.ModelVersion) ?? "" };
            string subject;
            if (result.GetValue(file) is { } path)
            {
                request.Uploaded = await UploadedScores.ReadAsync(path, cancellation);
                subject = path.Name;
            }
            else if (result.GetValue(abc) is { } fragment)
            {
                request.Abc = fragment;
                subject = "the ABC fragment";
            }
            else
            {
                request.ScoreId = result.GetValue(scoreId)!;
                subject = request.ScoreId;
            }

            using var platform = service.Connect(result);
            var response = await platform.Search.SimilarAsync(request, cancellation);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                JsonOutput.Write(output, HitsJson.From(response.Hits));
                return ExitCodes.Success;
            }

            output.WriteLine($"similar to {subject} (model {response.ModelVersion}):");
            HitPrinter.Write(output, response.Hits);
            return ExitCodes.Success;
        }));
        return command;
    }
}
