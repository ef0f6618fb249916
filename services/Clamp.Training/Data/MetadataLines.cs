using Clamp.Music;

namespace Clamp.Training.Data;

/// <summary>Turns a score's metadata (and what its collection says about it) into readable text lines.</summary>
public sealed class MetadataLines
{
    private const int MaxNoteLength = 200;
    private readonly List<string> _lines = [];
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    public static MetadataLines From(TuneMetadata metadata)
    {
        var lines = new MetadataLines();
        foreach (var title in metadata.Titles.Take(2))
        {
            lines.Add("Title", title);
        }

        lines.Add("Type", metadata.Rhythm);
        lines.Add("Composer", metadata.Composer);
        lines.Add("Meter", metadata.Meter);
        lines.Add("Key", metadata.Key);
        lines.Add("Origin", metadata.Origin);
        lines.Add("Notes", metadata.Notes);
        return lines;
    }

    /// <summary>Adds "Field: value" unless the value is empty or the same line is already there.</summary>
    public MetadataLines Add(string field, string? value)
    {
        var cleaned = Clean(value);
        if (cleaned.Length > 0 && _seen.Add($"{field}: {cleaned}"))
        {
            _lines.Add($"{field}: {cleaned}");
        }

        return this;
    }

    public IReadOnlyList<string> ToList() => [.. _lines];

    private static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var text = string.Join(' ', value.Replace("\"", "", StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxNoteLength ? text : text[..MaxNoteLength];
    }
}
