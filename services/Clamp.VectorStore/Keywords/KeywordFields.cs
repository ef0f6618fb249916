namespace Clamp.VectorStore.Keywords;

/// <summary>One searchable part of a score's metadata: the reason a hit gives, its SQL text and its full-text weight.</summary>
/// <param name="Reason">What a hit says it matched ("title", "composer" …).</param>
/// <param name="Sql">Its text as an expression over <c>score_documents</c> aliased <c>d</c>.</param>
/// <param name="Weight">PostgreSQL's weight letter: A (titles) ranks above B (people, collection), C (tags, type, origin), D (notes, lyrics).</param>
public sealed record KeywordField(string Reason, string Sql, char Weight);

/// <summary>
/// The metadata fields keyword search reads, in one place: the document written for a score
/// (<see cref="ScoreDocumentWriter"/>) and the reasons a hit gives (<see cref="KeywordSearch"/>) both come from here.
/// </summary>
public static class KeywordFields
{
    /// <summary>The text-search configuration: English stemming and stop words, accents folded (<c>unaccent</c>).</summary>
    public const string Configuration = "clamp_text";

    /// <summary>Titles and alternative titles as one text: what title matching (full-text and trigram) reads.</summary>
    public static readonly string TitlesSql = TitlesOf("d");

    /// <summary>The titles text of a <c>score_documents</c> row under another alias.</summary>
    public static string TitlesOf(string alias) => $"concat_ws(' ', {alias}.title, array_to_string({alias}.alternative_titles, ' '))";

    public static readonly IReadOnlyList<KeywordField> All =
    [
        new("title", TitlesSql, 'A'),
        new("composer", "d.composer", 'B'),
        new("lyricist", "d.lyricist", 'B'),
        new("arranger", "d.arranger", 'B'),
        new("collection", "d.collection", 'B'),
        new("tags", "array_to_string(d.tags, ' ')", 'C'),
        new("type", "d.type", 'C'),
        new("origin", "d.origin", 'C'),
        new("notes", "d.notes", 'D'),
        new("lyrics", "d.lyrics", 'D'),
    ];

    /// <summary>The weighted <c>tsvector</c> of a document row aliased <c>d</c>.</summary>
    public static string DocumentSql() => string.Join(" || ", All.Select(f =>
        $"setweight(to_tsvector('{Configuration}', coalesce({f.Sql}, '')), '{f.Weight}')"));

    /// <summary>The folded (lower case, accents removed) titles that trigram matching compares with the query.</summary>
    public static string FoldedTitlesSql() => $"lower(unaccent({TitlesSql}))";
}
