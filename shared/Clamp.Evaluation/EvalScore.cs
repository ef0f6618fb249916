using System.Text;
using System.Text.Json;
using Clamp.Music;
using Clamp.Music.Patching;

namespace Clamp.Evaluation;

/// <summary>
/// The score of one JSONL line of <c>clamp eval</c> / <c>clamp embed</c>: <c>music</c> (raw score text; MusicXML when it
/// starts with '&lt;', else ABC) or <c>path</c> (relative to the JSONL file's folder), imported by
/// <see cref="ScoreImporter"/> (the first tune with music) and patched as the platform does.
/// </summary>
public static class EvalScore
{
    /// <summary>The line's patches, or null with the reason in <paramref name="error"/> when the score cannot be read.</summary>
    public static PatchSequence? Read(JsonElement line, string directory, ScoreImporter importer, ModelInput input, out string? error)
    {
        ScoreImport import;
        if (Inline(line) is var (name, content))
        {
            import = importer.Import(name, content);
        }
        else if (PathOf(line, directory) is { } file)
        {
            if (!File.Exists(file))
            {
                error = $"{line.GetProperty("path").GetString()} not found";
                return null;
            }

            import = importer.Import(file);
        }
        else
        {
            error = "no \"music\" or \"path\"";
            return null;
        }

        var tune = import.Succeeded.FirstOrDefault(t => t.MusicText.Length > 0);
        if (tune is null)
        {
            error = import.Failures.FirstOrDefault()?.Message ?? "no music in the score";
            return null;
        }

        error = null;
        return input.Patch(tune);
    }

    /// <summary>The line's inline score (<c>music</c>) as a named file: "inline.xml" when it starts with '&lt;', else "inline.abc".</summary>
    public static (string FileName, byte[] Content)? Inline(JsonElement line)
    {
        if (!line.TryGetProperty("music", out var music) || music.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = music.GetString()!;
        return (text.TrimStart().StartsWith('<') ? "inline.xml" : "inline.abc", Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The file the line names (<c>path</c>, relative to <paramref name="directory"/>), or null when it names none.</summary>
    public static string? PathOf(JsonElement line, string directory) =>
        line.TryGetProperty("path", out var relative) && relative.ValueKind == JsonValueKind.String
            ? Path.Combine(directory, relative.GetString()!)
            : null;
}
