using System.Globalization;
using static Clamp.Music.Analysis.EnglishWords;

namespace Clamp.Music.Analysis;

/// <summary>
/// Writes <see cref="ScoreFacts"/> as short English sentences, one per known fact ("It is in 6/8 time.",
/// "The key is G major." …). Phrasings vary with the <see cref="Random"/> given, so that the same seed gives the
/// same text and training text is not one template.
/// </summary>
public static class ScoreSentences
{
    /// <summary>One sentence per known fact, in a fixed order: meter, key, tempo, length, range, harmony, parts, texture, density.</summary>
    public static IReadOnlyList<string> Describe(ScoreFacts facts, Random random)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(random);
        string?[] sentences =
        [
            Meter(facts, random), Key(facts, random), Tempo(facts, random), Length(facts, random), Range(facts, random),
            Harmony(facts, random), Parts(facts, random), Texture(facts, random), Density(facts, random),
        ];
        return sentences.OfType<string>().ToList();
    }

    private static string? Meter(ScoreFacts facts, Random random) => facts.Meter is { } meter
        ? Pick(random, $"It is in {meter} time.", $"The time signature is {meter}.", $"A piece in {meter} time.")
        : null;

    private static string? Key(ScoreFacts facts, Random random) => facts is { KeyTonic: { } tonic, KeyMode: { } mode }
        ? Pick(random, $"The key is {tonic} {mode}.", $"It is in {tonic} {mode}.", $"Written in the key of {tonic} {mode}.")
        : null;

    private static string? Tempo(ScoreFacts facts, Random random)
    {
        if (facts.Tempo is not { } tempo)
        {
            return null;
        }

        var word = tempo switch
        {
            TempoCategory.Slow => "slow",
            TempoCategory.Moderate => "moderate",
            TempoCategory.Lively => "lively",
            _ => "very fast",
        };
        var article = word[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "An" : "A";
        return facts.BeatsPerMinute is { } bpm
            ? Pick(random, $"{article} {word} tempo.", $"The tempo is {word}, about {bpm} beats per minute.", $"It moves at a {word} pace.")
            : Pick(random, $"{article} {word} tempo.", $"It moves at a {word} pace.");
    }

    private static string? Length(ScoreFacts facts, Random random) => facts.Bars > 0
        ? Pick(random, $"It is {Count(facts.Bars, "bar")} long.", $"The piece lasts {Count(facts.Bars, "bar")}.", $"{Capitalise(Count(facts.Bars, "bar"))} in all.")
        : null;

    private static string? Range(ScoreFacts facts, Random random)
    {
        if (facts.Range is not { } range)
        {
            return null;
        }

        var (low, high) = (range.Lowest.Name, range.Highest.Name);
        if (range.Semitones == 0)
        {
            return $"Every note is {low}.";
        }

        var span = IntervalWords.Describe(range.Semitones);
        var subject = facts.Voices > 1 ? "The music" : "The melody";
        return Pick(
            random,
            $"{subject} spans from {low} to {high}, {span}.",
            $"The range runs from {low} up to {high}, {span}.",
            $"{subject} covers {span}, from {low} to {high}.");
    }

    private static string? Harmony(ScoreFacts facts, Random random)
    {
        if (facts.Chords is not { } chords)
        {
            return null;
        }

        switch (chords.Style)
        {
            case HarmonyStyle.ExtendedChords:
                var extended = List(chords.Examples(ChordKind.Extended, 2));
                return Pick(random, $"It uses extended jazz chords such as {extended}.", $"Rich jazz harmony, with extended chords like {extended}.");
            case HarmonyStyle.SeventhChords:
                var sevenths = List(chords.Examples(ChordKind.Seventh, 2));
                return Pick(random, $"It uses seventh chords such as {sevenths}.", $"The harmony is rich in seventh chords, for example {sevenths}.");
            default:
                var triads = chords.Examples(ChordKind.Triad, 3);
                return triads.Count < 2
                    ? "The harmony uses mostly simple triads."
                    : Pick(random, "The harmony uses mostly simple triads.", $"Simple triadic harmony, built on chords such as {List(triads)}.");
        }
    }

    private static string? Parts(ScoreFacts facts, Random random)
    {
        if (facts.Parts == 0)
        {
            return null;
        }

        var names = PartNameList.Group(facts.PartNames);
        if (facts.Parts == 1)
        {
            return names.Count == 1
                ? Pick(random, $"Written for {names[0]}.", $"A piece for {names[0]}.")
                : facts.Texture is Analysis.Texture.MonophonicMelody or Analysis.Texture.MelodyWithChords
                    ? Pick(random, "A single melodic line.", "It is written as one melody line.")
                    : "It is written for a single part.";
        }

        var parts = Count(facts.Parts, "part");
        return names.Count == 0 ? Pick(random, $"Written for {parts}.", $"A score in {parts}.")
            : facts.PartNames.Count == facts.Parts ? Pick(random, $"Written for {parts}: {List(names)}.", $"The score has {parts}: {List(names)}.")
            : $"Written for {parts}, including {List(names)}.";
    }

    private static string? Texture(ScoreFacts facts, Random random) => facts.Texture switch
    {
        Analysis.Texture.MonophonicMelody => Pick(random, "The texture is monophonic.", "A plain melody without accompaniment."),
        Analysis.Texture.MelodyWithChords => Pick(random, "A melody with chords.", "The texture is a melody with chordal accompaniment."),
        Analysis.Texture.Homophonic => Pick(random, "The texture is homophonic.", "The parts move together in chords."),
        Analysis.Texture.Polyphonic => Pick(random, "The texture is polyphonic.", "Several independent voices interweave."),
        _ => null,
    };

    private static string? Density(ScoreFacts facts, Random random)
    {
        if (facts is not { NotesPerBar: { } perBar, Density: { } density })
        {
            return null;
        }

        var n = Math.Max(1, (int)Math.Round(perBar)).ToString(CultureInfo.InvariantCulture);
        return density switch
        {
            DensityCategory.Sparse => Pick(random, $"A sparse piece with about {n} notes per bar.", $"The notes are sparse, about {n} per bar."),
            DensityCategory.Moderate => Pick(random, $"A moderately busy piece with about {n} notes per bar.", $"There are about {n} notes per bar."),
            _ => Pick(random, $"A busy, dense piece with about {n} notes per bar.", $"The notes are dense, about {n} per bar."),
        };
    }
}
