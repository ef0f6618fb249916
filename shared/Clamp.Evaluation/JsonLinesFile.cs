using System.Text.Json;

namespace Clamp.Evaluation;

/// <summary>
/// The lines of a JSONL file as JSON objects with their 1-based line numbers, read lazily; blank lines are skipped. A
/// line that is not a JSON object is an <see cref="InvalidDataException"/> naming the file and line. Each object is
/// valid until the next one is read.
/// </summary>
public static class JsonLinesFile
{
    public static IEnumerable<(int LineNumber, JsonElement Line)> Objects(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = Parse(line, path, lineNumber);
            yield return (lineNumber, json.RootElement);
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
