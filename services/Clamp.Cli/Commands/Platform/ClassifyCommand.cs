using System.CommandLine;
using Clamp.Cli.Commands.Connection;
using Clamp.Contracts.Grpc;

namespace Clamp.Cli.Commands.Platform;

/// <summary>
/// <c>clamp classify --labels jig,reel,waltz (--score-id ID | --file tune.abc)</c>: zero-shot classification
/// through the query service.
/// </summary>
public static class ClassifyCommand
{
    public static Command Create()
    {
        var labels = new Option<string>("--labels") { Description = "Candidate labels, comma separated.", Required = true };
        var template = new Option<string>("--template")
        {
            Description = "Prompt template with a {label} placeholder.",
            DefaultValueFactory = _ => "This is a {label}.",
        };
        var scoreId = new Option<string?>("--score-id") { Description = "An indexed score's id." };
        var file = new Option<FileInfo?>("--file") { Description = "A score file to classify without indexing it." };
        var json = JsonOutput.CreateOption();
        var service = new QueryServiceOptions();

        var command = new Command("classify", "Zero-shot classification of one score (gRPC ScoreSearch.Classify).")
        {
            labels, template, scoreId, file, json,
        };
        service.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(scoreId) is null) == (result.GetValue(file) is null))
                result.AddError("give exactly one of --score-id and --file");
        });
        command.SetAction((result, cancellation) => CommandFailures.Run(result.InvocationConfiguration.Error, async () =>
        {
            var request = new ClassifyRequest
            {
                Template = result.GetValue(template) ?? "",
                ModelVersion = result.GetValue(service.ModelVersion) ?? "",
            };
            request.Labels.AddRange(result.GetRequiredValue(labels).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (result.GetValue(file) is { } path)
                request.Uploaded = await UploadedScores.ReadAsync(path, cancellation);
            else
                request.ScoreId = result.GetValue(scoreId)!;

            var (channel, client) = service.Connect(result);
            using var _ = channel;
            var response = await client.ClassifyAsync(request, deadline: service.Deadline(result), cancellationToken: cancellation);

            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                JsonOutput.Write(output, new { labels = response.Labels.Select(l => new { label = l.Label, probability = l.Probability, similarity = l.Similarity }).ToList() });
                return ExitCodes.Success;
            }

            output.WriteLine($"classify {(request.ScoreCase == ClassifyRequest.ScoreOneofCase.ScoreId ? request.ScoreId : request.Uploaded.FileName)} (model {response.ModelVersion}):");
            foreach (var label in response.Labels)
                output.WriteLine($"  {label.Label,-20} {label.Probability,6:P1}  (cosine {label.Similarity:0.000})");
            return ExitCodes.Success;
        }));
        return command;
    }
}
