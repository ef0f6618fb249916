namespace Clamp.Training.Loop;

/// <summary>CLaMP's text dropout: each sentence of the description is kept with probability 0.5 (at least one), shuffled and joined.</summary>
public static class TextDropout
{
    public static string Apply(IReadOnlyList<string> lines, Random random)
    {
        if (lines.Count == 0)
        {
            return "";
        }

        var kept = lines.Where(_ => random.NextDouble() < 0.5).ToList();
        if (kept.Count == 0)
        {
            kept.Add(lines[random.Next(lines.Count)]);
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept));
        return string.Join(" ", kept);
    }
}
