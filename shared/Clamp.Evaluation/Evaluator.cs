using Clamp.Music.Patching;
using Clamp.ZeroShot;

namespace Clamp.Evaluation;

/// <summary>One evaluation item: its text or label and its patches (null when the score could not be read).</summary>
public sealed record EvalItem(string Text, PatchSequence? Patches);

/// <summary>Search and zero-shot classification over any <see cref="IEmbeddingModel"/> (TorchSharp while training, ONNX in <c>clamp eval</c>).</summary>
public static class Evaluator
{
    /// <summary>Each item's text is a query; the pool is every readable score; the item's own score is the answer.</summary>
    public static SearchMetrics Search(IEmbeddingModel model, IReadOnlyList<EvalItem> items)
    {
        var music = MusicEmbeddings.Of(model, items.Select(i => i.Patches).ToList());
        var queries = model.EmbedText(items.Select(i => i.Text).ToList());
        return SearchMetrics.Compute(queries, music);
    }

    /// <summary>
    /// Each item's text is its label; the prediction is the most probable label of <see cref="ZeroShotClassification"/>
    /// (as the query service and <c>clamp classify</c> classify), none for an unreadable score.
    /// </summary>
    public static ClassificationMetrics Classify(IEmbeddingModel model, IReadOnlyList<EvalItem> items, IReadOnlyList<string> labels, string template)
    {
        var music = MusicEmbeddings.Of(model, items.Select(i => i.Patches).ToList());
        var prompts = model.EmbedText(labels.Select(l => ModelInput.Fill(template, l)).ToList());
        var predicted = music.Select(m => Predict(m, labels, prompts)).ToList();
        return ClassificationMetrics.Compute(items.Select(i => i.Text).ToList(), predicted, labels);
    }

    /// <summary>The label <see cref="ZeroShotClassification"/> ranks first; none for an unreadable (null) score.</summary>
    public static string? Predict(float[]? music, IReadOnlyList<string> labels, IReadOnlyList<float[]> prompts) =>
        music is null ? null : ZeroShotClassification.Classify(music, labels, prompts, ZeroShotClassification.DefaultLogitScale)[0].Label;

    /// <summary>The distinct labels of the items, in order of first appearance.</summary>
    public static IReadOnlyList<string> LabelsOf(IReadOnlyList<EvalItem> items) => items.Select(i => i.Text).Distinct(StringComparer.Ordinal).ToList();
}
