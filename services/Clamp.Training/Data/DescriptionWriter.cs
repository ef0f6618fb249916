using Clamp.Music;
using Clamp.Music.Patching;

namespace Clamp.Training.Data;

/// <summary>
/// Writes a score's training text as natural sentences, one fact each ("A jig in G major from the Nottingham Music
/// Database.", "Composed by Clara Schumann (1819-1896)."), from what its source says, what its file says and the
/// musical facts computed from the score. Text dropout later keeps a random, shuffled subset of these sentences.
/// The phrasing of each sentence is drawn from a few alternatives with the given generator, so that the text tower
/// does not learn one template.
/// </summary>
public static partial class DescriptionWriter
{
    private const int MaxQuoteLength = 200;

    public static IReadOnlyList<string> Write(SourceFacts source, TuneMetadata metadata, IEnumerable<string> musicFacts, Random random)
    {
        var sentences = new SentenceList();
        var type = source.TuneType ?? TuneTypes.Normalise(metadata.Rhythm);
        sentences.Add(Lead(type ?? source.Repertoire, metadata.Key, source.Collection));
        if (type is null)
        {
            AddIf(sentences, metadata.Rhythm, r => $"Type: {r}.");
        }

        if (type is not null)
        {
            // The default zero-shot prompt of the type itself ("This is a jig."), so that the prompt lands near the scores it names.
            sentences.Add(ModelInput.Fill(ModelInput.DefaultPromptTemplate, type));
        }

        sentences.Add(Pick(random, $"This is {Article(source.Repertoire)} {source.Repertoire}.", $"{Capital(Article(Repertoire.Phrase(source.Repertoire)))} {Repertoire.Phrase(source.Repertoire)}."));

        var titles = (source.Title is { } given ? [given, .. metadata.Titles] : metadata.Titles).Select(Clean).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(t => !string.Equals(t, Clean(source.Set), StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (titles.Count > 0)
        {
            sentences.Add(Pick(random, $"Title: {titles[0]}.", $"It is called \"{titles[0]}\".", $"\"{titles[0]}\"."));
        }

        if (titles.Count > 1)
        {
            sentences.Add($"Also known as \"{titles[1]}\".");
        }

        if (Clean(source.Composer ?? metadata.Composer) is { } composer)
        {
            var dates = source.ComposerDates is { Length: > 0 } d ? $" ({d})" : "";
            sentences.Add(Pick(random, $"Composed by {composer}{dates}.", $"Music by {composer}{dates}.", $"A work by {composer}{dates}."));
            if (Clean(source.ComposerDescription) is { } about)
            {
                sentences.Add($"{composer} was {Article(about)} {about}.");
            }
        }

        AddIf(sentences, source.Set, s => Pick(random, $"From the set \"{s}\".", $"Part of \"{s}\"."));
        AddIf(sentences, source.Artist, a => Pick(random, $"A song by {a}.", $"Performed by {a}."));
        AddIf(sentences, source.Region, r => Pick(random, $"It comes from {r}.", $"{Capital(Article(source.Repertoire))} {source.Repertoire} from {r}."));
        if (source.Region is null)
        {
            AddIf(sentences, metadata.Origin, o => $"Origin: {o}.");
        }

        AddIf(sentences, source.Genre, g => Pick(random, $"The genre is {g}.", $"Genre: {g}."));
        AddIf(sentences, source.Styles, s => Pick(random, $"In the style of {s}.", $"Style: {s}."));
        AddIf(sentences, source.Year, y => Pick(random, $"Written in {y}.", $"From {y}."));
        if (source.UseFileNotes && Clean(metadata.Notes) is { } notes && IsDescriptive(notes))
        {
            sentences.Add(notes.EndsWith('.') ? notes : notes + ".");
        }

        AddIf(sentences, metadata.Lyrics, l => $"The words begin: \"{FirstWords(Syllables().Replace(l, ""))}\".");
        foreach (var fact in musicFacts)
        {
            sentences.Add(fact);
        }

        return sentences.ToList();
    }

    /// <summary>"A jig in G major from the Nottingham Music Database."</summary>
    private static string Lead(string kind, string? key, string? collection)
    {
        var text = $"{Capital(Article(kind))} {kind}";
        if (Clean(key) is { } k)
        {
            text += $" in {k}";
        }

        if (Clean(collection) is { } c)
        {
            text += $" from {c}";
        }

        return text + ".";
    }

    /// <summary>
    /// Whether a note says something people would search for: not one word (a catalogue number such as "B0240") and not
    /// an engraver's remark with a link ("Transcribed by … from IMSLP … Source: https://…").
    /// </summary>
    private static bool IsDescriptive(string notes) =>
        notes.Contains(' ', StringComparison.Ordinal)
        && !notes.Contains("http", StringComparison.OrdinalIgnoreCase)
        && !notes.Contains("Transcribed", StringComparison.OrdinalIgnoreCase);

    private static void AddIf(SentenceList sentences, string? value, Func<string, string> sentence)
    {
        if (Clean(value) is { } cleaned)
        {
            sentences.Add(sentence(cleaned));
        }
    }

    private static string Pick(Random random, params string[] phrasings) => phrasings[random.Next(phrasings.Length)];

    /// <summary>"a" or "an" for the word that follows (by its first letter: good enough for these nouns).</summary>
    internal static string Article(string phrase) =>
        phrase.Length > 0 && "aeiouAEIOU".Contains(phrase[0]) && !phrase.StartsWith("US", StringComparison.Ordinal)
            && !phrase.StartsWith("Ukr", StringComparison.OrdinalIgnoreCase) ? "an" : "a";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string FirstWords(string lyrics)
    {
        var text = lyrics.Length <= 80 ? lyrics : lyrics[..80];
        var space = text.LastIndexOf(' ');
        return lyrics.Length > 80 && space > 40 ? text[..space] + " …" : text;
    }

    /// <summary>Whitespace folded, double quotes removed, typographic apostrophes made plain, at most 200 characters; null when nothing is left.</summary>
    internal static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = string.Join(' ', value.Replace("\"", "", StringComparison.Ordinal).Replace('’', '\'').Replace('‘', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text = text.Length <= MaxQuoteLength ? text : text[..MaxQuoteLength];
        return text.Length > 0 ? text : null;
    }

    /// <summary>Sentences in order, each once.</summary>
    private sealed class SentenceList
    {
        private readonly List<string> _sentences = [];
        private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

        public void Add(string sentence)
        {
            if (sentence.Length > 0 && _seen.Add(sentence))
            {
                _sentences.Add(sentence);
            }
        }

        public IReadOnlyList<string> ToList() => [.. _sentences];
    }

    /// <summary>The hyphen between two syllables of sung words ("Tan-ger-ine").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{L})-(?=\p{L})")]
    private static partial System.Text.RegularExpressions.Regex Syllables();
}
