namespace Clamp.Music.Patching;

/// <summary>The patcher of each scheme.</summary>
public static class BarPatcher
{
    private static readonly IBarPatcher Clamp1 = new Clamp1Patcher();
    private static readonly IBarPatcher LineBars = new LineBarsPatcher();

    public static IBarPatcher For(PatchScheme scheme) => scheme switch
    {
        PatchScheme.Clamp1 => Clamp1,
        PatchScheme.LineBars => LineBars,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown patch scheme."),
    };

    /// <summary>Parses a scheme name as written in a model manifest or on a command line ("clamp1", "line-bars").</summary>
    public static PatchScheme ParseScheme(string name) => name.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "clamp1" => PatchScheme.Clamp1,
        "linebars" => PatchScheme.LineBars,
        _ => throw new ArgumentException($"Unknown patch scheme '{name}' (known: clamp1, line-bars).", nameof(name)),
    };

    /// <summary>The name of a scheme as written in a model manifest.</summary>
    public static string NameOf(PatchScheme scheme) => scheme switch
    {
        PatchScheme.Clamp1 => "clamp1",
        PatchScheme.LineBars => "line-bars",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown patch scheme."),
    };

    /// <summary>A first guess of the patch count, to size buffers: about one patch per 16 characters.</summary>
    internal static int EstimatePatches(int textLength) => (textLength / 16) + 4;
}
