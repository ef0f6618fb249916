using Clamp.Contracts.Messages;
using Clamp.Music;

namespace Clamp.Patching;

/// <summary>
/// Merges what the uploader said about a score with what the file says: the uploader wins field by field (alternative
/// titles as one field: a list the uploader gives replaces the file's). The file gives the title and alternative titles
/// (T:), the people (C:, and the lyricist and arranger credits), the collection (B:), the tune type (R:), origin, notes,
/// lyrics, the normalised key and meter; its other text fields go to <see cref="ScoreMetadata.Extra"/>.
/// </summary>
internal static class ScoreMetadataMerger
{
    public static ScoreMetadata Merge(ScoreMetadata uploaded, TuneMetadata file) => new()
    {
        Title = uploaded.Title ?? file.Title,
        AlternativeTitles = uploaded.AlternativeTitles is { Count: > 0 } given ? given : file.AlternativeTitles,
        Composer = uploaded.Composer ?? file.Composer,
        Lyricist = uploaded.Lyricist ?? file.Lyricist,
        Arranger = uploaded.Arranger ?? file.Arranger,
        Collection = uploaded.Collection ?? file.Book,
        Type = uploaded.Type ?? file.Rhythm,
        Origin = uploaded.Origin ?? file.Origin,
        Key = uploaded.Key ?? file.Key,
        Meter = uploaded.Meter ?? file.Meter,
        Tags = uploaded.Tags,
        Notes = uploaded.Notes ?? file.Notes,
        Lyrics = uploaded.Lyrics ?? file.Lyrics,
        Extra = FileExtra(file).Concat(uploaded.Extra)
            .GroupBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>The file's fields the contract has no field for.</summary>
    private static IEnumerable<KeyValuePair<string, string>> FileExtra(TuneMetadata file)
    {
        (string Name, string? Value)[] fields =
        [
            ("source", file.Source),
            ("history", file.History),
            ("transcription", file.Transcription),
            ("tempo", file.Tempo),
            ("unitLength", file.UnitLength),
            ("referenceNumber", file.ReferenceNumber),
        ];
        return fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => KeyValuePair.Create(f.Name, f.Value!));
    }
}
