using System.Text;
using Clamp.Contracts.Messages;
using Microsoft.Extensions.Primitives;

namespace Clamp.Ingest.Uploads;

/// <summary>
/// Reads what the uploader says about a score from the form fields: title, alternative titles ("alternativeTitles" or
/// "alt_title", repeated for several), composer, lyricist, arranger, collection, type, origin, key, meter, tags
/// (repeated, or comma-separated), notes, lyrics and any "extra.NAME" field. Metadata over the limits of
/// <see cref="IngestOptions"/> (a field's length, a field name's length, the number of tags, alternative titles and
/// extra fields, the size of all fields together) is refused with 400 and a code saying which limit.
/// </summary>
internal static class UploadMetadata
{
    private const string ExtraPrefix = "extra.";

    private static readonly string[] AlternativeTitleFields = ["alternativeTitles", "alt_title"];

    public static ScoreMetadata Read(IFormCollection form, IngestOptions limits)
    {
        CheckSize(form, limits);
        var extraKeys = form.Keys
            .Where(key => key.StartsWith(ExtraPrefix, StringComparison.OrdinalIgnoreCase) && key.Length > ExtraPrefix.Length)
            .ToList();
        return new ScoreMetadata
        {
            Title = Field(form, "title", limits),
            AlternativeTitles = Counted(AlternativeTitleFields
                .SelectMany(name => Values(form[name], limits))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList(), limits.MaxAlternativeTitles, "upload.too-many-titles", "alternative titles"),
            Composer = Field(form, "composer", limits),
            Lyricist = Field(form, "lyricist", limits),
            Arranger = Field(form, "arranger", limits),
            Collection = Field(form, "collection", limits),
            Type = Field(form, "type", limits)?.ToLowerInvariant(),
            Origin = Field(form, "origin", limits),
            Key = Field(form, "key", limits),
            Meter = Field(form, "meter", limits),
            Tags = Counted(form["tags"]
                .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(value => Checked(value, limits.MaxMetadataFieldLength))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList(), limits.MaxTags, "upload.too-many-tags", "tags"),
            Notes = Field(form, "notes", limits),
            Lyrics = Field(form, "lyrics", limits, limits.MaxLyricsLength),
            Extra = Counted(extraKeys, limits.MaxExtraFields, "upload.too-many-fields", "extra fields")
                .ToDictionary(key => key[ExtraPrefix.Length..], key => Checked(form[key].ToString(), limits.MaxMetadataFieldLength)),
        };
    }

    /// <summary>Refuses a form whose field names are too long or whose fields (the file aside) are too large together,
    /// before any of it is looked at further.</summary>
    private static void CheckSize(IFormCollection form, IngestOptions limits)
    {
        long total = 0;
        foreach (var (key, values) in form)
        {
            if (key.Length > limits.MaxMetadataKeyLength)
                throw Refused("upload.metadata-key-too-long",
                    $"A form field name is {key.Length:N0} characters long, over the limit of {limits.MaxMetadataKeyLength:N0}.");
            total += Encoding.UTF8.GetByteCount(key);
            foreach (var value in values)
                total += Encoding.UTF8.GetByteCount(value ?? "");
        }
        if (total > limits.MaxMetadataBytes)
            throw Refused("upload.metadata-too-large", $"The metadata fields hold {total:N0} bytes in all, over the limit of {limits.MaxMetadataBytes:N0}.");
    }

    private static List<string> Counted(List<string> values, int limit, string code, string what) =>
        values.Count <= limit ? values : throw Refused(code, $"The upload has {values.Count:N0} {what}, over the limit of {limit:N0}.");

    private static string? Field(IFormCollection form, string name, IngestOptions limits, int? maxLength = null) =>
        form[name].ToString().Trim() is { Length: > 0 } value ? Checked(value, maxLength ?? limits.MaxMetadataFieldLength) : null;

    /// <summary>Each non-empty value of a repeated field, trimmed and checked (titles may hold commas, so they are not split).</summary>
    private static IEnumerable<string> Values(StringValues values, IngestOptions limits) =>
        values.Select(value => value?.Trim()).Where(value => !string.IsNullOrEmpty(value)).Select(value => Checked(value!, limits.MaxMetadataFieldLength));

    private static string Checked(string value, int maxLength) =>
        value.Length <= maxLength ? value
            : throw Refused("upload.metadata-too-long", $"A metadata field is {value.Length:N0} characters long, over the limit of {maxLength:N0}.");

    private static UploadException Refused(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}
