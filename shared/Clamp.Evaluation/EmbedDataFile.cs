using System.Text.Json;
using Clamp.Music;
using Clamp.Music.Patching;

namespace Clamp.Evaluation;

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
        foreach (var (lineNumber, line) in JsonLinesFile.Objects(path))
        {
            var id = line.TryGetProperty("id", out var given) ? given.Clone() : JsonSerializer.SerializeToElement(lineNumber);
            var patches = EvalScore.Read(line, directory, importer, input, out var error);
            yield return new EmbedItem(id, patches, error);
        }
    }
}
