namespace Clamp.Music.Analysis;

/// <summary>Small pieces of English used to write sentences: numbers, lists, plurals.</summary>
internal static class EnglishWords
{
    private static readonly string[] Numbers =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>"four" for 4, "24" for 24.</summary>
    public static string Number(int n) => n >= 0 && n < Numbers.Length ? Numbers[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"violin", "violin and viola", "violin, viola and cello".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    /// <summary>"violins", "basses", "voices".</summary>
    public static string Plural(string noun) =>
        noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal)
            ? noun + "es"
            : noun + "s";

    /// <summary>"bar" for 1, "bars" otherwise, after the number: "1 bar", "four bars".</summary>
    public static string Count(int n, string noun) => $"{Number(n)} {(n == 1 ? noun : Plural(noun))}";

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Picks one phrasing; the same <see cref="Random"/> state gives the same choice.</summary>
    public static string Pick(Random random, params ReadOnlySpan<string> phrasings) => phrasings[random.Next(phrasings.Length)];
}
