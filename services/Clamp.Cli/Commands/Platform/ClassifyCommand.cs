using System.CommandLine;
using Clamp.Cli.Commands.Connection;
using Clamp.Cli.Commands.Local;
using Clamp.Contracts.Grpc;
using Clamp.ZeroShot;

namespace Clamp.Cli.Commands.Platform;

/// <summary>
/// <c>clamp classify --labels jig,reel,waltz (--score-id ID | --file tune.abc)</c>: zero-shot classification
/// through the query service; or <c>clamp classify FILE --labels …</c>: local mode, the file classified here with no
/// server (<see cref="LocalClassify"/>).
/// </summary>
public static class ClassifyCommand
{
    public static Command Create()
    {
        var labels = new Option<string>("--labels") { Description = "Candidate labels, comma separated.", Required = true };
        // No default here: without --template the model's own prompt template applies, on the server as locally.
        var template = new Option<string?>("--template")
        {
            Description = "Prompt template with a {label} placeholder (default: the model's own template).",
        };
        var scoreId = new Option<string?>("--score-id") { Description = "An indexed score's id." };
        var file = new Option<FileInfo?>("--file") { Description = "A score file to classify without indexing it." };
        var localFile = new Argument<string?>("FILE")
        {
            Description = "Local mode: a score file to classify here, with no server.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = JsonOutput.CreateOption();
        var model = LocalModelOption.Create();
        var service = new QueryServiceOptions();

        var command = new Command("classify", "Zero-shot classification of one score (gRPC ScoreSearch.Classify), or of a score file locally (FILE).")
        {
            localFile, labels, template, scoreId, file, json, model,
        };
        service.AddTo(command);
        command.Validators.Add(result =>
        {
            var given = new object?[] { result.GetValue(localFile), result.GetValue(scoreId), result.GetValue(file) }.Count(v => v is not null);
            if (given != 1)
                result.AddError("give exactly one of FILE, --score-id and --file");
        });
        command.SetAction((result, cancellation) => CommandFailures.Run(result.InvocationConfiguration.Error, async () =>
        {
            var labelList = result.GetRequiredValue(labels).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (result.GetValue(localFile) is { } local)
            {
                return LocalClassify.Run(LocalRequest.Of(result, model, json, 0), local, labelList, result.GetValue(template));
            }

            var request = new ClassifyRequest
            {
                Template = result.GetValue(template) ?? "",
                ModelVersion = result.GetValue(service.ModelVersion) ?? "",
            };
            request.Labels.AddRange(labelList);
            if (result.GetValue(file) is { } path)
                request.Uploaded = await UploadedScores.ReadAsync(path, cancellation);
            else
                request.ScoreId = result.GetValue(scoreId)!;

            using var platform = service.Connect(result);
            var response = await platform.Search.ClassifyAsync(request, cancellation);

            var subject = request.ScoreCase == ClassifyRequest.ScoreOneofCase.ScoreId ? request.ScoreId : request.Uploaded.FileName;
            LabelsOutput.Write(result.InvocationConfiguration.Output, result.GetValue(json), $"classify {subject} (model {response.ModelVersion}):",
                response.Labels.Select(l => new LabelProbability(l.Label, l.Probability, l.Similarity)).ToList());
            return ExitCodes.Success;
        }));
        return command;
    }
}
