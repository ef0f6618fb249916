namespace Clamp.Training.Data;

/// <summary>Tune types (R:) folded to one spelling for the tune-type dev task.</summary>
public static class TuneTypes
{
    public static string? Normalise(string? rhythm)
    {
        if (string.IsNullOrWhiteSpace(rhythm))
        {
            return null;
        }

        var value = rhythm.Trim().ToLowerInvariant();
        return value switch
        {
            "slipjig" or "slip jig" or "slip-jig" => "slip jig",
            "double jig" or "single jig" or "jig" => "jig",
            "reel" or "hornpipe" or "air" or "waltz" or "polka" or "march" or "slide" or "strathspey" => value,
            _ => null,
        };
    }
}
