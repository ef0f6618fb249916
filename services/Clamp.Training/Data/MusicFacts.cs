using Clamp.Music.Abc;
using Clamp.Music.Analysis;

namespace Clamp.Training.Data;

/// <summary>The sentences of musical facts computed from the score itself (meter, key, tempo, length, range, chords, parts, texture, density).</summary>
public static class MusicFacts
{
    public static IEnumerable<string> Sentences(AbcTune tune, Random random) => ScoreSentences.Describe(ScoreFacts.From(tune), random);
}
