using System.Text.Json;
using Clamp.Music;
using Clamp.Music.Patching;

namespace Clamp.Training.Evaluation;

/// <summary>One line of a <c>clamp embed</c> file: its id, and its patches or why the score could not be read.</summary>
public sealed record EmbedItem(JsonElement Id, PatchSequence? Patches, string? Error);

/// <summary>
/// The JSONL of <c>clamp embed</c>: per line an optional <c>id</c> (any JSON value; the 1-based line number when absent)
/// and the score as <c>music</c> or <c>path</c> (<see cref="EvalScore"/>). Read lazily, in order; blank lines are skipped.
/// </summary>
public static class EmbedDataFile
{
    public static IEnumerable<EmbedItem> Read(string path, ModelInput input)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var importer = new ScoreImporter();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = Parse(line, path, lineNumber);
            var root = json.RootElement;
            var id = root.TryGetProperty("id", out var given) ? given.Clone() : JsonSerializer.SerializeToElement(lineNumber);
            var patches = EvalScore.Read(root, directory, importer, input, out var error);
            yield return new EmbedItem(id, patches, error);
        }
    }

    private static JsonDocument Parse(string line, string path, int lineNumber)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{lineNumber}: not JSON: {e.Message}", e);
        }

        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            json.Dispose();
            throw new InvalidDataException($"{path}:{lineNumber}: not a JSON object");
        }

        return json;
    }
}
