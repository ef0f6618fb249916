using Clamp.Music.Patching;
using Clamp.Training.Data;

namespace Clamp.Training.Loop;

/// <summary>The scores of a run, patched: the training scores (with their text-dropout variants) and the dev scores.</summary>
public sealed class TrainingData
{
    private TrainingData(IReadOnlyList<ScoreItem> train, IReadOnlyList<PatchSequence> trainPatches, IReadOnlyList<string[]> variants,
        IReadOnlyList<ScoreItem> dev, IReadOnlyList<PatchSequence> devPatches)
    {
        Train = train;
        TrainPatches = trainPatches;
        Variants = variants;
        Dev = dev;
        DevPatches = devPatches;
    }

    public IReadOnlyList<ScoreItem> Train { get; }
    public IReadOnlyList<PatchSequence> TrainPatches { get; }

    /// <summary>Per training score, its text-dropout variants.</summary>
    public IReadOnlyList<string[]> Variants { get; }

    public IReadOnlyList<ScoreItem> Dev { get; }
    public IReadOnlyList<PatchSequence> DevPatches { get; }

    /// <summary>Every text whose sentence embedding the run needs.</summary>
    public IEnumerable<string> Texts(string template) =>
        Variants.SelectMany(v => v)
            .Concat(Dev.Select(d => d.Description))
            .Concat(Dev.SelectMany(d => d.Labels.Values).Distinct().Select(label => ModelInput.Fill(template, label)));

    public static TrainingData Load(TrainingOptions options)
    {
        var items = DatasetFile.Read(options.DatasetPath).Where(i => i.Sentences.Count > 0).ToList();
        var train = Subset(items.Where(i => !i.IsDev), options.MaxTrainItems, options.Seed);
        var dev = Subset(items.Where(i => i.IsDev), options.MaxDevItems, options.Seed);
        var random = new Random(unchecked((int)options.Seed) + 1);
        var variants = train.Select(item => Enumerable.Range(0, options.TextVariants).Select(_ => TextDropout.Apply(item.Sentences, random)).ToArray()).ToList();
        return new TrainingData(
            train, train.Select(i => options.Input.Patch(i.MusicText)).ToList(), variants,
            dev, dev.Select(i => options.Input.Patch(i.MusicText)).ToList());
    }

    private static List<ScoreItem> Subset(IEnumerable<ScoreItem> items, int max, long seed)
    {
        var list = items.ToArray();
        if (max <= 0 || max >= list.Length)
        {
            return [.. list];
        }

        new Random(unchecked((int)seed)).Shuffle(list);
        return list.Take(max).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
    }
}
