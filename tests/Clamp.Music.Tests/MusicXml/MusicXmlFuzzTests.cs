using System.Text;
using Clamp.Music.MusicXml;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>
/// Random and mutated inputs only ever give ABC or a typed, expected <see cref="ScoreReadException"/>. Inputs per
/// test: <see cref="FuzzRuns"/> (300 by default; the random-bytes test tries each input raw and as a zip).
/// </summary>
[Trait("Suite", "Hostile")]
public class MusicXmlFuzzTests
{
    [Fact]
    public void Random_bytes_never_escape_as_another_exception()
    {
        var mutator = new InputMutator(FuzzRuns.Seed(1));
        for (var i = 0; i < FuzzRuns.Iterations(300); i++)
        {
            var input = mutator.RandomBytes(4096);
            AssertConvertsOrFailsCleanly(input, compressed: i % 2 == 0);
            AssertConvertsOrFailsCleanly([.. "PK\u0003\u0004"u8, .. input], compressed: true);
        }
    }

    [Fact]
    public void Mutated_musicxml_never_escapes_as_another_exception()
    {
        var text = Samples.ReadText("musicxml/bwv67.4.xml");
        var mutator = new InputMutator(FuzzRuns.Seed(2));
        var converted = 0;
        var iterations = FuzzRuns.Iterations(300);
        for (var i = 0; i < iterations; i++)
        {
            var input = i % 3 == 0 ? mutator.MutateBytes(Encoding.UTF8.GetBytes(text)) : mutator.MutateText(text);
            converted += AssertConvertsOrFailsCleanly(input, compressed: false) ? 1 : 0;
        }

        Assert.InRange(converted, iterations / 10, iterations); // many mutants are still scores: the fuzzing reaches the converter, not only the XML parser
    }

    [Fact]
    public void Mutated_mxl_archives_never_escape_as_another_exception()
    {
        var archive = File.ReadAllBytes(Samples.PathOf("musicxml/Le_temps_des_cerises.mxl"));
        var mutator = new InputMutator(FuzzRuns.Seed(3));
        for (var i = 0; i < FuzzRuns.Iterations(300); i++)
        {
            AssertConvertsOrFailsCleanly(mutator.MutateBytes(archive), compressed: true);
        }
    }

    private static bool AssertConvertsOrFailsCleanly(byte[] input, bool compressed)
    {
        try
        {
            Assert.StartsWith("X:1\n", MusicXmlConverter.ToAbc(input, compressed));
            return true;
        }
        catch (ScoreReadException e)
        {
            Assert.DoesNotContain("unexpected", e.Code);
            Assert.False(string.IsNullOrWhiteSpace(e.Reason));
            return false;
        }
    }
}
