using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Clamp.Web.Audio;

/// <summary>
/// The note samples the page's player (abcjs) plays, made here rather than downloaded from a sound-font site:
/// one short plucked tone per pitch (a few harmonics, each decaying), as 16-bit mono WAV. abcjs asks for
/// <c>{instrument}-mp3/{note}.mp3</c> (note names like A4, Bb3, Gb5) and decodes whatever audio it is given, so every
/// instrument gets this one timbre: the page plays the notes and rhythm of a score, not its orchestration.
/// </summary>
internal sealed partial class NoteSamples
{
    public const int SampleRate = 22_050;
    private const double Seconds = 2.0;
    private const double AttackSeconds = 0.005;
    private static readonly string[] Steps = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"];
    private readonly ConcurrentDictionary<int, byte[]> cache = new();

    /// <summary>The MIDI number of an abcjs note name (A0 = 21 … C8 = 108), or null for anything else.</summary>
    public static int? MidiNumber(string note)
    {
        var match = NoteName().Match(note);
        if (!match.Success)
            return null;
        var midi = 12 * (int.Parse(match.Groups[2].Value) + 1) + Array.IndexOf(Steps, match.Groups[1].Value);
        return midi is >= 21 and <= 108 ? midi : null;
    }

    /// <summary>The WAV file of one pitch (made once, then kept: there are 88).</summary>
    public byte[] Wav(int midi) => cache.GetOrAdd(midi, Synthesise);

    private static byte[] Synthesise(int midi)
    {
        var frequency = 440 * Math.Pow(2, (midi - 69) / 12.0);
        var count = (int)(SampleRate * Seconds);
        var samples = new double[count];
        for (var harmonic = 1; harmonic <= 6 && harmonic * frequency < SampleRate / 2.0; harmonic++)
        {
            var amplitude = 1 / Math.Pow(harmonic, 1.6);
            var decay = 2.0 + 1.2 * harmonic;
            for (var i = 0; i < count; i++)
            {
                var t = (double)i / SampleRate;
                samples[i] += amplitude * Math.Exp(-decay * t) * Math.Sin(2 * Math.PI * harmonic * frequency * t);
            }
        }

        var peak = samples.Max(Math.Abs);
        var wav = new byte[44 + 2 * count];
        WriteHeader(wav, count);
        for (var i = 0; i < count; i++)
        {
            var attack = Math.Min(1, i / (AttackSeconds * SampleRate));
            var value = (short)Math.Round(0.7 * short.MaxValue * attack * samples[i] / peak);
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + 2 * i), value);
        }
        return wav;
    }

    private static void WriteHeader(Span<byte> wav, int sampleCount)
    {
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav[4..], 36 + 2 * sampleCount);
        "WAVEfmt "u8.CopyTo(wav[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(wav[16..], 16);          // PCM format chunk size
        BinaryPrimitives.WriteInt16LittleEndian(wav[20..], 1);           // PCM
        BinaryPrimitives.WriteInt16LittleEndian(wav[22..], 1);           // mono
        BinaryPrimitives.WriteInt32LittleEndian(wav[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav[32..], 2);           // bytes per frame
        BinaryPrimitives.WriteInt16LittleEndian(wav[34..], 16);          // bits per sample
        "data"u8.CopyTo(wav[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(wav[40..], 2 * sampleCount);
    }

    [GeneratedRegex("^([A-G]b?)([0-8])$")]
    private static partial Regex NoteName();
}
