using Clamp.Contracts.Messages;
using Clamp.Music;

namespace Clamp.Patching;

/// <summary>
/// Merges what the uploader said about a score with what the file says: the uploader wins field by field;
/// the file gives the normalised key and meter, the tune type (R:), the collection (B:) and the other text fields.
/// </summary>
internal static class ScoreMetadataMerger
{
    public static ScoreMetadata Merge(ScoreMetadata uploaded, TuneMetadata file) => new()
    {
        Title = uploaded.Title ?? file.Title,
        Composer = uploaded.Composer ?? file.Composer,
        Collection = uploaded.Collection ?? file.Book,
        Type = uploaded.Type ?? file.Rhythm,
        Origin = uploaded.Origin ?? file.Origin,
        Key = uploaded.Key ?? file.Key,
        Meter = uploaded.Meter ?? file.Meter,
        Tags = uploaded.Tags,
        Extra = FileExtra(file).Concat(uploaded.Extra)
            .GroupBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.OrdinalIgnoreCase),
    };

    private static IEnumerable<KeyValuePair<string, string>> FileExtra(TuneMetadata file)
    {
        (string Name, string? Value)[] fields =
        [
            ("notes", file.Notes),
            ("source", file.Source),
            ("history", file.History),
            ("transcription", file.Transcription),
            ("lyrics", file.Lyrics),
            ("tempo", file.Tempo),
            ("unitLength", file.UnitLength),
            ("referenceNumber", file.ReferenceNumber),
            ("otherTitles", file.Titles.Count > 1 ? string.Join(" / ", file.Titles.Skip(1)) : null),
        ];
        return fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => KeyValuePair.Create(f.Name, f.Value!));
    }
}
