namespace Clamp.Music.Analysis;

/// <summary>How fast a score goes, in words.</summary>
public enum TempoCategory
{
    /// <summary>Under 76 beats per minute.</summary>
    Slow,

    /// <summary>76 to 107 beats per minute.</summary>
    Moderate,

    /// <summary>108 to 139 beats per minute.</summary>
    Lively,

    /// <summary>140 beats per minute or more.</summary>
    VeryFast,
}

/// <summary>Finds the <see cref="TempoCategory"/> of a tempo.</summary>
public static class TempoCategories
{
    private static readonly (string Word, TempoCategory Category)[] Words =
    [
        ("grave", TempoCategory.Slow), ("largo", TempoCategory.Slow), ("lento", TempoCategory.Slow),
        ("adagio", TempoCategory.Slow), ("larghetto", TempoCategory.Slow), ("slow", TempoCategory.Slow),
        ("andante", TempoCategory.Moderate), ("moderato", TempoCategory.Moderate), ("moderate", TempoCategory.Moderate),
        ("allegretto", TempoCategory.Lively), ("allegro", TempoCategory.Lively), ("lively", TempoCategory.Lively),
        ("vivace", TempoCategory.VeryFast), ("presto", TempoCategory.VeryFast), ("prestissimo", TempoCategory.VeryFast),
    ];

    /// <summary>
    /// From beats per minute when known, else from a tempo word in the <c>Q:</c> text ("Allegro", "Slow");
    /// null when neither says.
    /// </summary>
    public static TempoCategory? From(int? beatsPerMinute, string? tempoText)
    {
        if (beatsPerMinute is > 0 and var bpm)
        {
            return bpm switch
            {
                < 76 => TempoCategory.Slow,
                < 108 => TempoCategory.Moderate,
                < 140 => TempoCategory.Lively,
                _ => TempoCategory.VeryFast,
            };
        }

        if (string.IsNullOrEmpty(tempoText))
        {
            return null;
        }

        foreach (var (word, category) in Words)
        {
            if (tempoText.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return category;
            }
        }

        return null;
    }
}
