using System.IO.Compression;
using System.Text;

namespace Clamp.Ingest.Tests;

/// <summary>Scores for the tests: the committed Nottingham samples (samples/abc, GPL-3.0) and small made-up tunes.</summary>
internal static class TestScores
{
    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    /// <summary>A short, valid, single-tune ABC file that no other test uploads (its title is unique).</summary>
    public static byte[] UniqueTune(string title = "") => Encoding.UTF8.GetBytes($"""
        X:1
        T:{(title.Length > 0 ? title : "Test tune")} {Guid.NewGuid():N}
        R:jig
        M:6/8
        L:1/8
        K:D
        |:"D"dfa afd|"G"gbg "A"fed|"D"dfa afd|"A"ecA "D"d3:|

        """);

    /// <summary>A unique tune padded with '%' (a comment) to exactly <paramref name="size"/> bytes.</summary>
    public static byte[] UniqueTuneOfSize(int size)
    {
        var tune = UniqueTune();
        return [.. tune, .. Enumerable.Repeat((byte)'%', Math.Max(0, size - tune.Length))];
    }

    /// <summary>An "ABC" file with no tune in it at all: the patching stage must fail it with its reason.</summary>
    public static byte[] NoMusic() => Encoding.UTF8.GetBytes($"""
        % only a comment {Guid.NewGuid():N}
        T:Not a tune

        """);

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
