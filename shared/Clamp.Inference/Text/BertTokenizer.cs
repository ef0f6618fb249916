using System.Globalization;
using System.Text;

namespace Clamp.Inference.Text;

/// <summary>
/// The BERT uncased tokenizer used by all-MiniLM-L6-v2: text cleaning, lower-casing, accent stripping,
/// whitespace and punctuation splitting, then greedy longest-match WordPiece; wrapped in [CLS] … [SEP]
/// and cut to <see cref="MaxTokens"/> ids.
/// </summary>
public sealed class BertTokenizer
{
    private const int MaxCharactersPerWord = 100;
    private readonly Dictionary<string, int> _ids;

    public BertTokenizer(IReadOnlyList<string> vocabulary, int maxTokens = 128)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        _ids = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            _ids.TryAdd(vocabulary[i], i);
        }

        MaxTokens = maxTokens;
        ClsId = IdOf("[CLS]");
        SepId = IdOf("[SEP]");
        UnknownId = IdOf("[UNK]");
        PadId = IdOf("[PAD]");
    }

    public int MaxTokens { get; }
    public int ClsId { get; }
    public int SepId { get; }
    public int UnknownId { get; }
    public int PadId { get; }

    /// <summary>[CLS] + word pieces (cut to MaxTokens - 2) + [SEP].</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        var ids = new List<int>(Math.Min(MaxTokens, text.Length + 2)) { ClsId };
        foreach (var piece in WordPieces(text))
        {
            if (ids.Count == MaxTokens - 1)
            {
                break;
            }

            ids.Add(piece);
        }

        ids.Add(SepId);
        return ids;
    }

    /// <summary>The word-piece tokens of a text (no [CLS]/[SEP], not cut), as strings.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        var vocabulary = _ids.ToDictionary(pair => pair.Value, pair => pair.Key);
        return WordPieces(text).Select(id => vocabulary[id]).ToList();
    }

    private IEnumerable<int> WordPieces(string text)
    {
        foreach (var word in BasicTokens(text))
        {
            foreach (var id in SplitWord(word))
            {
                yield return id;
            }
        }
    }

    private int IdOf(string token) =>
        _ids.TryGetValue(token, out var id) ? id : throw new InvalidDataException($"The vocabulary has no {token} token.");

    private static IEnumerable<string> BasicTokens(string text)
    {
        var word = new StringBuilder();
        foreach (var c in StripAccents(Clean(text).ToLowerInvariant()))
        {
            if (char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            else if (IsPunctuation(c) || IsCjk(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return c.ToString();
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private IEnumerable<int> SplitWord(string word)
    {
        if (word.Length > MaxCharactersPerWord)
        {
            return [UnknownId];
        }

        var pieces = new List<int>();
        var start = 0;
        while (start < word.Length)
        {
            var end = word.Length;
            var found = -1;
            while (start < end)
            {
                var candidate = start > 0 ? "##" + word[start..end] : word[start..end];
                if (_ids.TryGetValue(candidate, out var id))
                {
                    found = id;
                    break;
                }

                end--;
            }

            if (found < 0)
            {
                return [UnknownId];
            }

            pieces.Add(found);
            start = end;
        }

        return pieces;
    }

    private static string Clean(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\0' || c == '\uFFFD')
            {
                continue;
            }

            if (c is '\t' or '\n' or '\r' || char.IsWhiteSpace(c))
            {
                cleaned.Append(' ');
            }
            else if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not UnicodeCategory.Format)
            {
                cleaned.Append(c);
            }
        }

        return cleaned.ToString();
    }

    // The base letters of U+00C0..U+017F after NFD and removal of combining marks (the same letter where there is none).
    // Used because string.Normalize does not decompose in invariant-globalization mode, which this solution runs in.
    private const string LatinBaseLetters =
        "AAAAAAÆCEEEEIIIIÐNOOOOO×ØUUUUYÞßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþyAaAaAaCcCcCcCcDdĐđEeEeEeEeEeGgGgGgGgHhĦħIiIiIiIiIıĲĳJjKkĸLlLlLlĿŀŁłNnNnNnŉŊŋOoOoOoŒœRrRrRrSsSsSsSsTtTtŦŧUuUuUuUuUuUuWwYyYZzZzZzſ";

    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var stripped = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is >= '\u00C0' and <= '\u017F')
            {
                stripped.Append(LatinBaseLetters[c - '\u00C0']);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                stripped.Append(c);
            }
        }

        return stripped.ToString();
    }

    private static bool IsPunctuation(char c) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~'
        || char.IsPunctuation(c);

    private static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
