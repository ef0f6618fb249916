using Clamp.Contracts.Messages;
using Microsoft.Extensions.Primitives;

namespace Clamp.Ingest.Uploads;

/// <summary>
/// Reads what the uploader says about a score from the form fields: title, alternative titles ("alternativeTitles" or
/// "alt_title", repeated for several), composer, lyricist, arranger, collection, type, origin, key, meter, tags
/// (repeated, or comma-separated), notes, lyrics and any "extra.NAME" field.
/// </summary>
internal static class UploadMetadata
{
    private const string ExtraPrefix = "extra.";
    private const int MaxFieldLength = 1_000;

    /// <summary>Lyrics are a whole song's words: they may be longer than the other fields.</summary>
    internal const int MaxLyricsLength = 20_000;

    private static readonly string[] AlternativeTitleFields = ["alternativeTitles", "alt_title"];

    public static ScoreMetadata Read(IFormCollection form) => new()
    {
        Title = Field(form, "title"),
        AlternativeTitles = AlternativeTitleFields
            .SelectMany(name => Values(form[name]))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList(),
        Composer = Field(form, "composer"),
        Lyricist = Field(form, "lyricist"),
        Arranger = Field(form, "arranger"),
        Collection = Field(form, "collection"),
        Type = Field(form, "type")?.ToLowerInvariant(),
        Origin = Field(form, "origin"),
        Key = Field(form, "key"),
        Meter = Field(form, "meter"),
        Tags = form["tags"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(value => Checked(value))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList(),
        Notes = Field(form, "notes"),
        Lyrics = Field(form, "lyrics", MaxLyricsLength),
        Extra = form.Keys
            .Where(key => key.StartsWith(ExtraPrefix, StringComparison.OrdinalIgnoreCase) && key.Length > ExtraPrefix.Length)
            .ToDictionary(key => key[ExtraPrefix.Length..], key => Checked(form[key].ToString())),
    };

    private static string? Field(IFormCollection form, string name, int maxLength = MaxFieldLength) =>
        form[name].ToString().Trim() is { Length: > 0 } value ? Checked(value, maxLength) : null;

    /// <summary>Each non-empty value of a repeated field, trimmed and checked (titles may hold commas, so they are not split).</summary>
    private static IEnumerable<string> Values(StringValues values) =>
        values.Select(value => value?.Trim()).Where(value => !string.IsNullOrEmpty(value)).Select(value => Checked(value!));

    private static string Checked(string value, int maxLength = MaxFieldLength) =>
        value.Length <= maxLength ? value
            : throw new UploadException(StatusCodes.Status400BadRequest, "upload.metadata-too-long",
                $"A metadata field is {value.Length} characters long, over the limit of {maxLength}.");
}
