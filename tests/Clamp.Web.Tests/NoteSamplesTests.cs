using System.Buffers.Binary;
using Clamp.Web.Audio;

namespace Clamp.Web.Tests;

/// <summary>The tones the page's player plays are WAV files at the pitch abcjs asked for.</summary>
public sealed class NoteSamplesTests
{
    [Theory]
    [InlineData("A0", 21)]
    [InlineData("C4", 60)]
    [InlineData("Bb3", 58)]
    [InlineData("Gb5", 78)]
    [InlineData("C8", 108)]
    public void Note_names_are_read_as_abcjs_writes_them(string note, int midi) => Assert.Equal(midi, NoteSamples.MidiNumber(note));

    [Theory]
    [InlineData("A#4")]
    [InlineData("H4")]
    [InlineData("C9")]
    [InlineData("Ab0")]
    [InlineData("../C4")]
    public void Anything_else_is_no_note(string note) => Assert.Null(NoteSamples.MidiNumber(note));

    [Theory]
    [InlineData("A4", 440.0)]
    [InlineData("C4", 261.63)]
    [InlineData("Eb5", 622.25)]
    public void A_note_s_strongest_frequency_is_its_pitch(string note, double hertz)
    {
        var wav = new NoteSamples().Wav(NoteSamples.MidiNumber(note)!.Value);
        var samples = Samples(wav);

        var atPitch = Power(samples, hertz);
        // A semitone either side, and the octave below, hold much less of the sound.
        Assert.True(atPitch > 20 * Power(samples, hertz * Math.Pow(2, 1 / 12.0)));
        Assert.True(atPitch > 20 * Power(samples, hertz / Math.Pow(2, 1 / 12.0)));
        Assert.True(atPitch > 20 * Power(samples, hertz / 2));
        Assert.Equal(NoteSamples.SampleRate, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(wav.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(4)));
    }

    private static double[] Samples(byte[] wav) =>
        Enumerable.Range(0, (wav.Length - 44) / 2).Select(i => BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(44 + 2 * i)) / 32768.0).ToArray();

    /// <summary>The power of one frequency in the signal (Goertzel).</summary>
    private static double Power(double[] samples, double hertz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hertz / NoteSamples.SampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }
}
