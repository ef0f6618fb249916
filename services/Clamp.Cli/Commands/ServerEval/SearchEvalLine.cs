using System.Text.Json;
using Clamp.Evaluation;

namespace Clamp.Cli.Commands.ServerEval;

/// <summary>
/// One line of a <c>clamp eval search</c> JSONL as the platform receives it: the query <c>text</c>, the score as a file
/// (<c>music</c> inline: MusicXML when it starts with '&lt;', else ABC; or <c>path</c>, relative to the JSONL file),
/// and the optional <c>title</c> and <c>composer</c> that become upload metadata.
/// </summary>
public sealed record SearchEvalLine(string Id, string Text, string FileName, byte[] Content, string? Title, string? Composer)
{
    public static IReadOnlyList<SearchEvalLine> Read(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var lines = new List<SearchEvalLine>();
        foreach (var (lineNumber, root) in JsonLinesFile.Objects(path))
        {
            var id = root.TryGetProperty("id", out var idValue) ? idValue.ToString() : $"line {lineNumber}";
            var text = String(root, "text") ?? throw new InvalidDataException($"{path}:{lineNumber}: no \"text\" string");
            var (fileName, content) = Score(root, directory) ?? throw new InvalidDataException($"{path}:{lineNumber}: no \"music\" or readable \"path\"");
            lines.Add(new SearchEvalLine(id, text, fileName, content, String(root, "title"), String(root, "composer")));
        }

        return lines;
    }

    /// <summary>The upload metadata fields the line gives (title, composer).</summary>
    public IEnumerable<KeyValuePair<string, string>> Metadata()
    {
        if (Title is { } title) yield return new("title", title);
        if (Composer is { } composer) yield return new("composer", composer);
    }

    /// <summary>The score as <see cref="EvalScore"/> finds it (inline music, or a file the line names), as a named file.</summary>
    private static (string, byte[])? Score(JsonElement root, string directory) =>
        EvalScore.Inline(root) ?? (EvalScore.PathOf(root, directory) is { } file && File.Exists(file)
            ? (Path.GetFileName(file), File.ReadAllBytes(file))
            : null);

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
