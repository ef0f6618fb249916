using Clamp.Music.Abc;
using Clamp.Music.Midi;
using Clamp.Music.Tests.MusicXml;
using FsCheck.Xunit;

namespace Clamp.Music.Tests.Midi;

/// <summary>Properties of the MIDI transcription over generated note lists.</summary>
public class MidiPropertyTests
{
    /// <summary>Notes on the sixteenth-note grid, so that quantisation moves none and the expected bar count is exact.</summary>
    private const long Sixteenth = MidiFileBuilder.Quarter / 4;

    /// <summary>Enough voices that no overlap is cut short (past the limit, notes are cut and may end earlier).</summary>
    private static readonly MidiReadOptions Unlimited = new() { MaxVoicesPerPart = 256 };

    [Property(MaxTest = 60)]
    public bool Any_notes_give_voices_with_equal_bar_counts_covering_the_last_note((byte Key, ushort Start, byte Length)[] notes)
    {
        if (notes.Length == 0)
        {
            return true;
        }

        var midi = new MidiFileBuilder().Track(t =>
        {
            foreach (var (key, start, length) in notes)
            {
                t.Note(24 + (key % 80), start * Sixteenth, Sixteenth * (1 + (length % 32)));
            }
        }).Build();
        var conversion = MidiConverter.Convert(midi, Unlimited);
        var bars = AbcBarCounter.CountPerVoice(AbcParser.ParseTune(conversion.Abc).MusicText);
        var lastEnd = notes.Max(n => (n.Start * Sixteenth) + (Sixteenth * (1 + (n.Length % 32))));
        var barTicks = 4 * MidiFileBuilder.Quarter;

        return conversion.VoiceCount <= Unlimited.MaxVoicesPerPart
            && bars.Count == conversion.VoiceCount
            && bars.Values.All(b => b == conversion.BarCount)
            && conversion.BarCount == (lastEnd + barTicks - 1) / barTicks;
    }
}
