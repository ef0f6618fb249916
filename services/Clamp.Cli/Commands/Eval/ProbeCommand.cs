using System.CommandLine;
using Clamp.Evaluation;
using Clamp.Inference.Manifest;
using Clamp.Music.Patching;

namespace Clamp.Cli.Commands.Eval;

/// <summary>
/// <c>eval probe</c>: representation quality as a seeded, stratified k-fold linear probe (<see cref="ProbeEvaluation"/>)
/// on the frozen music embeddings; with <c>--baseline</c>, the same probe and folds on character 1-2-gram counts of the
/// patches (<see cref="CharNgramFeatures"/>), which only needs the model's patch scheme and maximum patches. Same
/// input as <c>eval classify</c>; prints <c>{n, accuracy, macro_f1}</c> as the last line.
/// </summary>
public static class ProbeCommand
{
    public static Command Create()
    {
        var (model, data) = ModelEvaluation.CommonOptions();
        var folds = new Option<int>("--folds") { Description = "Folds of the stratified cross-validation (at least 2).", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the fold assignment.", DefaultValueFactory = _ => 0 };
        var baseline = new Option<bool>("--baseline")
        {
            Description = "Probe the baseline instead: L2-normalised character unigram and bigram counts of the patches (the model's ONNX files are not run).",
        };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 2)
            {
                result.AddError("--folds must be at least 2.");
            }
        });

        var command = new Command("probe", "Linear probe (k-fold logistic regression) on the music embeddings, or with --baseline on character n-grams. Prints {n, accuracy, macro_f1}.")
        {
            model, data, folds, seed, baseline,
        };
        command.SetAction(result =>
        {
            var (foldCount, seedValue) = (result.GetValue(folds), result.GetValue(seed));
            return result.GetValue(baseline)
                ? Baseline(result.GetValue(model)!, result.GetValue(data)!, foldCount, seedValue)
                : ModelEvaluation.Run(result.GetValue(model)!, result.GetValue(data)!, "label", (embedder, items) =>
                    Probe(items, MusicEmbeddings.Of(embedder, Patches(items)), foldCount, seedValue));
        });
        return command;
    }

    private static int Baseline(string modelDirectory, string dataPath, int folds, int seed) =>
        ModelEvaluation.Guarded("clamp eval", () =>
        {
            var manifest = ModelManifestFile.Read(modelDirectory);
            var items = EvalDataFile.Read(dataPath, "label", manifest.Input, Console.Error);
            Console.WriteLine($"baseline: character 1-2-grams of {manifest.DisplayName}'s patches ({manifest.PatchScheme}, at most {manifest.MaxPatches}), {ModelEvaluation.Summary(items)}");
            ModelEvaluation.PrintResult(Probe(items, CharNgramFeatures.Vectorise(Patches(items)), folds, seed));
            return 0;
        });

    private static object Probe(IReadOnlyList<EvalItem> items, IReadOnlyList<float[]?> features, int folds, int seed) =>
        ModelEvaluation.ClassificationResult(ProbeEvaluation.CrossValidate(items.Select(i => i.Text).ToList(), features, folds, seed));

    private static IReadOnlyList<PatchSequence?> Patches(IReadOnlyList<EvalItem> items) => items.Select(i => i.Patches).ToList();
}
