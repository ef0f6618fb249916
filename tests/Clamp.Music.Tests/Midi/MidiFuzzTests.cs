using Clamp.Music.Midi;
using Clamp.Music.Tests.MusicXml;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Midi;

/// <summary>
/// Random and mutated MIDI only ever gives ABC or a typed, expected <see cref="ScoreReadException"/>. Inputs:
/// <see cref="FuzzRuns"/> (400 by default).
/// </summary>
[Trait("Suite", "Hostile")]
public class MidiFuzzTests
{
    [Fact]
    public void Random_and_mutated_files_never_escape_as_another_exception()
    {
        var sample = File.ReadAllBytes(Samples.PathOf("midi/pop909-001.mid"));
        var mutator = new InputMutator(FuzzRuns.Seed(4));
        var transcribed = 0;
        var iterations = FuzzRuns.Iterations(400);
        for (var i = 0; i < iterations; i++)
        {
            var input = i % 4 == 0 ? [.. "MThd\0\0\0\u0006"u8, .. mutator.RandomBytes(2048)] : mutator.MutateBytes(sample);
            try
            {
                Assert.StartsWith("X:1\n", MidiConverter.ToAbc(input));
                transcribed++;
            }
            catch (ScoreReadException e)
            {
                Assert.DoesNotContain("unexpected", e.Code);
            }
        }

        Assert.InRange(transcribed, iterations / 8, iterations); // most byte mutants of a real file still transcribe: the fuzzing reaches the transcriber
    }
}
