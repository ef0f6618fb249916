using System.Text.Json;

namespace Clamp.Training.Data;

/// <summary>The built dataset as JSON lines (one <see cref="ScoreItem"/> each), so training does not re-read the sources.</summary>
public static class DatasetFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write(string path, IEnumerable<ScoreItem> items)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path);
        foreach (var item in items)
        {
            writer.WriteLine(JsonSerializer.Serialize(item, Json));
        }
    }

    public static IReadOnlyList<ScoreItem> Read(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<ScoreItem>(line, Json)
                ?? throw new InvalidDataException($"{path}: a line is null"))
            .ToList();
}
