using Clamp.Music.Patching;

namespace Clamp.Inference.Tests.Fixtures;

/// <summary>Patch sequences of real tunes, cut by the CLaMP-1 patcher of Clamp.Music.</summary>
public static class Patches
{
    public static readonly string[] Tunes =
    [
        "L:1/8\nM:6/8\nK:D\nA|dfa afd|dfa agf|gbg faf|gfe e2A|\ndfa afd|dfa agf|gbg fag|fdd d2:|\n",
        "L:1/8\nM:4/4\nK:G\nGABc dedB|dedB dedB|c2ec B2dB|c2A2 A2BA|\n",
        "L:1/4\nM:3/4\nK:Am\nA2 B|c2 d|e2 e|d2 c|B2 A|G2 E|\n",
        "M:2/4\nK:C\nCD|EF|\n",
    ];

    public static PatchSequence Of(string tune) => BarPatcher.For(PatchScheme.Clamp1).Patch(tune);

    public static PatchSequence[] All() => Tunes.Select(Of).ToArray();
}
