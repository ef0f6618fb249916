using System.Text;
using Clamp.Music.Kern;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Kern;

/// <summary>Malformed and hostile kern input fails with a clear <see cref="ScoreReadException"/>, never a crash or a hang.</summary>
[Trait("Suite", "Hostile")]
public class KernHostileInputTests
{
    [Theory]
    [InlineData("", "kern.malformed", null)]
    [InlineData("just some text\nwith lines\n", "kern.malformed", 1)]
    [InlineData("**kern\n4c\t4d\n*-\n", "kern.malformed", 2)]
    [InlineData("**kern\n4c\n*-\n4d\n", "kern.malformed", 4)]
    [InlineData("**kern\n9999999999999c\n*-\n", "kern.malformed", 2)]
    [InlineData("**kern\n4%0c\n*-\n", "kern.malformed", 2)]
    [InlineData("**dynam\nf\n*-\n", "kern.no-notes", null)]
    [InlineData("**kern\n*M4/4\n=1\n.\n==\n*-\n", "kern.no-notes", null)]
    public void Bad_input_gives_a_clear_error(string text, string code, int? line)
    {
        var error = Assert.Throws<ScoreReadException>(() => KernConverter.Convert(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(code, error.Code);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Splitting_spines_without_end_is_stopped_at_the_spine_limit()
    {
        var text = new StringBuilder("**kern\n");
        for (var width = 1; width <= 512; width *= 2)
        {
            text.Append(string.Join('\t', Enumerable.Repeat("*^", width))).Append('\n');
        }

        var error = Assert.Throws<ScoreReadException>(() => KernConverter.Convert(Encoding.UTF8.GetBytes(text.ToString())));

        Assert.Equal("kern.too-large", error.Code);
    }

    [Fact]
    public void Measure_and_size_limits_apply()
    {
        var bars = string.Concat(Enumerable.Range(1, 50).Select(b => $"={b}\n4c\n"));
        var content = Encoding.UTF8.GetBytes($"**kern\n{bars}*-\n");

        Assert.Equal("kern.too-large", Assert.Throws<ScoreReadException>(() => KernConverter.Convert(content, new KernReadOptions { MaxMeasures = 10 })).Code);
        Assert.Equal("kern.too-large", Assert.Throws<ScoreReadException>(() => KernConverter.Convert(content, new KernReadOptions { MaxInputBytes = 100 })).Code);
    }

    [Fact]
    public void The_importer_reports_a_bad_kern_file_as_one_failed_tune()
    {
        var import = new ScoreImporter().Import("broken.krn", "**kern\t**kern\n4c\n"u8.ToArray());

        Assert.Equal(ScoreFileFormat.Kern, import.Format);
        Assert.Equal("kern.malformed", Assert.Single(import.Failures).Code);
    }

    /// <summary>Fuzzing: <see cref="FuzzRuns"/> inputs (300 by default).</summary>
    [Fact]
    public void Mutated_real_files_never_fail_other_than_with_a_score_read_exception()
    {
        var original = Samples.ReadText("kern/rosebud.krn");
        const string Alphabet = "\t\n*^v-=.4812r[]_#q%0 ABcdyy!:|";
        var random = FuzzRuns.Random(20240601);
        for (var run = 0; run < FuzzRuns.Iterations(300); run++)
        {
            var text = new StringBuilder(original);
            for (var edit = random.Next(1, 8); edit > 0; edit--)
            {
                var at = random.Next(text.Length);
                if (random.Next(2) == 0)
                {
                    text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at));
                }
                else
                {
                    text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                }
            }

            try
            {
                KernConverter.Convert(Encoding.UTF8.GetBytes(text.ToString()));
            }
            catch (ScoreReadException e)
            {
                Assert.NotEqual("kern.unexpected", e.Code);
            }
        }
    }
}
