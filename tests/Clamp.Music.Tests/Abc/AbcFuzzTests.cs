using System.Text;
using Clamp.Music.Patching;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Abc;

/// <summary>
/// A bounded, seeded fuzz loop: real tunes mutated (bytes flipped, lines cut, duplicated, shuffled, ABC syntax
/// characters inserted, pathological runs: long digit runs in fields, floods of continuation lines and header fields,
/// unclosed inline fields) and random bytes go through the importer and both patchers. No exception may escape and no
/// tune may fail for an unexpected reason: every failure is a typed, explained <see cref="ScoreReadException"/>
/// (<c>abc.too-complex</c> included). Inputs per test: <see cref="FuzzRuns"/> (2,100 and 600 by default).
/// </summary>
[Trait("Suite", "Hostile")]
public class AbcFuzzTests
{
    private static readonly string[] Insertions =
    [
        "X:", "K:", "[", "]", "\"", "%", "\\", "|:", "[V:", "+:", "\n", "\r", "\0", "é", "[K:", "%%score", "\uFFFD",
        "\nM:" + new string('7', 20_000) + "\n", "\nM:" + string.Concat(Enumerable.Repeat("1+", 5_000)) + "/\n",
        "\nQ:=" + new string('9', 20_000) + "x\n", "\nL:" + new string('3', 20_000) + "\n",
        string.Concat(Enumerable.Repeat("\n+:more", 5_000)), string.Concat(Enumerable.Repeat("\nR:reel", 5_000)),
        string.Concat(Enumerable.Repeat("[a:", 5_000)), string.Concat(Enumerable.Repeat("\nX:1\nK:G\nGABc|", 500)),
    ];

    private static readonly string[] Seeds =
        ["abc/oneills-0001-0005.abc", "abc/aird-book6-two-voices.abc", "abc/americanfife-voices.abc"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_real_tunes_never_escape_as_exceptions(int seed)
    {
        var random = FuzzRuns.Random(seed);
        var importer = new ScoreImporter();
        for (var i = 0; i < FuzzRuns.Iterations(700); i++)
        {
            var original = Encoding.UTF8.GetBytes(Samples.ReadText(Seeds[i % Seeds.Length]));
            var mutated = Mutate(original, random, 1 + random.Next(8));
            AssertHandled(importer, i % 2 == 0 ? "tune.abc" : "upload", mutated);
        }
    }

    [Fact]
    public void Random_bytes_never_escape_as_exceptions()
    {
        var random = FuzzRuns.Random(42);
        var importer = new ScoreImporter();
        string[] names = ["x.abc", "x.mid", "x.xml", "x.mxl", "x.bin", "x.krn", "x"];
        for (var i = 0; i < FuzzRuns.Iterations(600); i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            AssertHandled(importer, names[i % names.Length], bytes);
        }
    }

    private static void AssertHandled(ScoreImporter importer, string name, byte[] content)
    {
        var import = importer.Import(name, content);

        Assert.NotEmpty(import.Tunes);
        foreach (var failure in import.Failures)
        {
            Assert.DoesNotContain("unexpected", failure.Code, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(failure.Reason));
        }

        foreach (var tune in import.Succeeded)
        {
            Assert.True(Ascii.IsValid(tune.MusicText));
            Assert.True(BarPatcher.For(PatchScheme.Clamp1).Patch(tune.MusicText).Count > 0);
            Assert.True(BarPatcher.For(PatchScheme.LineBars).Patch(tune.MusicText).Count > 0);
        }
    }

    private static byte[] Mutate(byte[] input, Random random, int mutations)
    {
        var bytes = input.ToList();
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 200), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Insertions[random.Next(Insertions.Length)]));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 300), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    var lines = Encoding.UTF8.GetString(bytes.ToArray()).Split('\n');
                    random.Shuffle(lines.AsSpan(random.Next(lines.Length)));
                    bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines)).ToList();
                    break;
            }
        }

        return bytes.ToArray();
    }
}
