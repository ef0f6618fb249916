using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clamp.Music.Tests.Patching;

/// <summary>One line of clamp1-patches.jsonl: a tune and the patches the original CLaMP-1 routine made of it.</summary>
public sealed record PatchVector(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("music")] string Music,
    [property: JsonPropertyName("patches")] int[][] Patches)
{
    public static IEnumerable<(int Line, PatchVector Vector)> ReadAll(string path) =>
        File.ReadLines(path).Select((line, index) => (index + 1, JsonSerializer.Deserialize<PatchVector>(line)!));

    public override string ToString() => $"{Source} ({Music.Length} chars)";
}
