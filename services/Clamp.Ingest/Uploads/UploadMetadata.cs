using Clamp.Contracts.Messages;

namespace Clamp.Ingest.Uploads;

/// <summary>
/// Reads what the uploader says about a score from the form fields: title, composer, collection, type, origin,
/// key, meter, tags (repeated, or comma-separated) and any "extra.NAME" field.
/// </summary>
internal static class UploadMetadata
{
    private const string ExtraPrefix = "extra.";
    private const int MaxFieldLength = 1_000;

    public static ScoreMetadata Read(IFormCollection form) => new()
    {
        Title = Field(form, "title"),
        Composer = Field(form, "composer"),
        Collection = Field(form, "collection"),
        Type = Field(form, "type")?.ToLowerInvariant(),
        Origin = Field(form, "origin"),
        Key = Field(form, "key"),
        Meter = Field(form, "meter"),
        Tags = form["tags"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Checked)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList(),
        Extra = form.Keys
            .Where(key => key.StartsWith(ExtraPrefix, StringComparison.OrdinalIgnoreCase) && key.Length > ExtraPrefix.Length)
            .ToDictionary(key => key[ExtraPrefix.Length..], key => Checked(form[key].ToString())),
    };

    private static string? Field(IFormCollection form, string name) =>
        form[name].ToString() is { Length: > 0 } value ? Checked(value.Trim()) : null;

    private static string Checked(string value) =>
        value.Length <= MaxFieldLength ? value
            : throw new UploadException(StatusCodes.Status400BadRequest, "upload.metadata-too-long",
                $"A metadata field is {value.Length} characters long, over the limit of {MaxFieldLength}.");
}
