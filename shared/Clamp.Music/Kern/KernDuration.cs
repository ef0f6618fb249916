using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>
/// Reads a kern duration ("recip"): <c>4</c> a quarter, <c>8.</c> a dotted eighth, <c>12</c> a triplet eighth,
/// <c>0</c>/<c>00</c> a breve/long, <c>3%2</c> the rational 2/3 of a whole note.
/// </summary>
internal static class KernDuration
{
    private const int MaxDigits = 9;

    /// <summary>The duration in whole notes written in a (sub)token, or null when it has none.</summary>
    /// <exception cref="ScoreReadException">The number is too long or a rational has no denominator.</exception>
    public static Fraction? Read(string token, int line)
    {
        var start = 0;
        while (start < token.Length && !char.IsAsciiDigit(token[start]))
        {
            start++;
        }

        if (start == token.Length)
        {
            return null;
        }

        var digits = Digits(token, start, line);
        var end = start + digits.Length;
        Fraction value;
        if (end < token.Length && token[end] == '%')
        {
            var denominator = Digits(token, end + 1, line);
            end += 1 + denominator.Length;
            var numerator = long.Parse(digits);
            if (numerator == 0 || denominator.Length == 0 || long.Parse(denominator) == 0)
            {
                throw Malformed(token, line);
            }

            value = new Fraction(long.Parse(denominator), numerator);
        }
        else
        {
            value = long.Parse(digits) is var recip && recip > 0
                ? new Fraction(1, recip)
                : new Fraction(1L << Math.Min(digits.Length, 8), 1); // 0 a breve, 00 a long, 000 a maxima
        }

        var dots = token.AsSpan(end).Count('.');
        return dots == 0 ? value : value * new Fraction((1L << (Math.Min(dots, 8) + 1)) - 1, 1L << Math.Min(dots, 8));
    }

    private static string Digits(string token, int start, int line)
    {
        var end = start;
        while (end < token.Length && char.IsAsciiDigit(token[end]))
        {
            end++;
        }

        return end - start > MaxDigits ? throw Malformed(token, line) : token[start..end];
    }

    private static ScoreReadException Malformed(string token, int line) =>
        new("kern.malformed", $"\"{Shorten(token)}\" is not a kern duration.", line: line);

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
