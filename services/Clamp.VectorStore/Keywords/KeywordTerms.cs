using System.Text.RegularExpressions;

namespace Clamp.VectorStore.Keywords;

/// <summary>
/// A user's query as a PostgreSQL <c>tsquery</c> text: its words (letters, marks and digits; everything else, the
/// operators of the tsquery syntax included, separates words) joined by OR, so that a query that mixes a title with a
/// description still finds the title, and the last word as a prefix (<c>autom:*</c>), so a title being typed matches.
/// Ranking, not the match, rewards documents that contain more of the words.
/// </summary>
public static partial class KeywordTerms
{
    /// <summary>At most this many words are searched (the first ones).</summary>
    public const int MaxWords = 32;

    /// <summary>The tsquery text; "" when the query has no words.</summary>
    public static string TsQuery(string query)
    {
        var words = Word().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(MaxWords).ToList();
        if (words.Count == 0) return "";
        if (words[^1].Length >= 3) words[^1] += ":*";
        return string.Join(" | ", words);
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex Word();
}
