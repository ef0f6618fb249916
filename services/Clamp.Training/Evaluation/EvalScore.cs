using System.Text;
using System.Text.Json;
using Clamp.Music;
using Clamp.Music.Patching;

namespace Clamp.Training.Evaluation;

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
        if (line.TryGetProperty("music", out var music) && music.ValueKind == JsonValueKind.String)
        {
            var text = music.GetString()!;
            var name = text.TrimStart().StartsWith('<') ? "inline.xml" : "inline.abc";
            import = importer.Import(name, Encoding.UTF8.GetBytes(text));
        }
        else if (line.TryGetProperty("path", out var relative) && relative.ValueKind == JsonValueKind.String)
        {
            var file = Path.Combine(directory, relative.GetString()!);
            if (!File.Exists(file))
            {
                error = $"{relative.GetString()} not found";
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
}
