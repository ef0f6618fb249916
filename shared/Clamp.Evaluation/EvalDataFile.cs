using System.Text.Json;
using Clamp.Music;
using Clamp.Music.Patching;

namespace Clamp.Evaluation;

/// <summary>
/// The JSONL of <c>clamp eval</c>: per line a <c>text</c> (search) or <c>label</c> (classify) and the score as
/// <c>music</c> (raw score text, stripped here as the platform does) or <c>path</c> (relative to the JSONL file).
/// A score that cannot be read becomes a null patch sequence and a message on the error writer.
/// </summary>
public static class EvalDataFile
{
    public static IReadOnlyList<EvalItem> Read(string path, string textField, ModelInput input, TextWriter errors)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var importer = new ScoreImporter();
        var items = new List<EvalItem>();
        foreach (var (lineNumber, root) in JsonLinesFile.Objects(path))
        {
            var id = root.TryGetProperty("id", out var idValue) ? idValue.ToString() : $"line {lineNumber}";
            if (!root.TryGetProperty(textField, out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: no \"{textField}\" string");
            }

            var patches = EvalScore.Read(root, directory, importer, input, out var error);
            if (error is not null)
            {
                errors.WriteLine($"{path}:{lineNumber} ({id}): {error}; counted as a miss");
            }

            items.Add(new EvalItem(text.GetString()!, patches));
        }

        return items;
    }
}
