using Clamp.Cli.Commands.Connection;
using Clamp.Cli.Commands.Platform;
using Clamp.ZeroShot;

namespace Clamp.Cli.Commands.Local;

/// <summary>
/// <c>clamp classify FILE --labels jig,reel,hornpipe</c>: zero-shot classification of a score file with no server, as
/// the query service does it (<see cref="ZeroShotClassification"/>; the model's own prompt template unless one is given).
/// </summary>
public static class LocalClassify
{
    private const int MaxLabels = 100;

    public static int Run(LocalRequest request, string file, IReadOnlyList<string> labels, string? template)
    {
        var subject = LocalScoreFile.Require(file);
        using var model = LocalModelOption.Load(request.ModelDirectory);
        IReadOnlyList<string> prompts;
        try
        {
            prompts = LabelPromptBuilder.Build(labels, template ?? model.Manifest.PromptTemplate, MaxLabels);
        }
        catch (ArgumentException e)
        {
            throw new CliFailure(ExitCodes.Usage, e.Message);
        }

        var score = LocalScoreFile.Embed(model, subject);
        var promptVectors = model.Text.Encode(prompts);
        var result = ZeroShotClassification.Classify(score, labels, promptVectors, ZeroShotClassification.DefaultLogitScale);
        LabelsOutput.Write(request.Output, request.Json, $"classify {file} (model {model.Manifest.DisplayName}):", result);
        return ExitCodes.Success;
    }
}
