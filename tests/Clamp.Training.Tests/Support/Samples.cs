using Clamp.Music;
using Clamp.Music.Patching;

namespace Clamp.Training.Tests.Support;

/// <summary>The real scores committed under Samples/ (see Samples/README.md).</summary>
public static class Samples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    /// <summary>The first O'Neill's tunes, read and stripped by Clamp.Music, then patched (CLaMP-1).</summary>
    public static IReadOnlyList<PatchSequence> OneillsPatches(int maxPatches) =>
        new ScoreImporter().Import(PathOf("oneills-0001-0012.abc")).Succeeded
            .Select(tune => BarPatcher.For(PatchScheme.Clamp1).Patch(tune.MusicText, maxPatches))
            .ToList();
}
