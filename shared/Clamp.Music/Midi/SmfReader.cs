using System.Buffers.Binary;

namespace Clamp.Music.Midi;

/// <summary>
/// A small, bounded reader of Standard MIDI Files (formats 0, 1, 2): notes paired on/off per channel and key,
/// time and key signatures, the first tempo, track names, and as metadata the copyright, text and lyric events (their
/// text bounded by <see cref="MidiReadOptions.MaxMetadataChars"/>). Every problem is a <c>midi.invalid</c> error naming
/// the track and byte offset.
/// </summary>
internal sealed class SmfReader(byte[] data, MidiReadOptions options, ParseBudget budget)
{
    private const int DrumChannel = 9;
    private readonly MidiMetaText _text = new(options.MaxMetadataChars);
    private int _notes;

    public MidiSequence Read()
    {
        if (data.Length < 14 || !data.AsSpan(0, 4).SequenceEqual("MThd"u8))
        {
            throw new ScoreReadException("midi.invalid", "The file does not start with a MIDI header chunk (MThd).");
        }

        var headerLength = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(4));
        var trackCount = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(10));
        var division = BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(12));
        if (headerLength < 6 || headerLength > data.Length - 8)
        {
            throw new ScoreReadException("midi.invalid", $"The header chunk declares {headerLength} bytes.");
        }

        if (trackCount > options.MaxTracks)
        {
            throw new ScoreReadException("midi.too-large", $"The file declares {trackCount} tracks (at most {options.MaxTracks} allowed).");
        }

        var sequence = new MidiSequence(TicksPerQuarter(division));
        var position = 8 + (int)headerLength;
        var track = 0;
        while (position + 8 <= data.Length && track < trackCount)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position + 4));
            var start = position + 8;
            var end = (int)Math.Min(data.Length, start + (long)length); // a chunk running past the end is read up to the end
            if (data.AsSpan(position, 4).SequenceEqual("MTrk"u8))
            {
                ReadTrack(track++, start, end, sequence);
            }

            position = end;
        }

        return sequence;
    }

    private static int TicksPerQuarter(short division)
    {
        if (division > 0)
        {
            return division;
        }

        // SMPTE time: frames per second x ticks per frame per second, read as if at 120 quarter notes per minute.
        var framesPerSecond = -(sbyte)(division >> 8);
        var ticksPerFrame = division & 0xFF;
        var ticksPerSecond = framesPerSecond * ticksPerFrame;
        return ticksPerSecond >= 2
            ? ticksPerSecond / 2
            : throw new ScoreReadException("midi.invalid", $"The header's time division ({division}) is not usable.");
    }

    private void ReadTrack(int track, int position, int end, MidiSequence sequence)
    {
        var tick = 0L;
        byte status = 0;
        string? name = null;
        var syllables = new List<string>();
        var parts = new Dictionary<int, List<MidiNote>>();
        var sounding = new Dictionary<(int Channel, int Key), Queue<long>>();
        while (position < end)
        {
            budget.Spend(1);
            tick += ReadVariable(ref position, end, track);
            var first = Byte(position, end, track);
            if (first >= 0x80)
            {
                position++;
                if (first < 0xF0)
                {
                    status = first;
                }
            }
            else if (status == 0)
            {
                throw Error(track, position, "a data byte with no running status");
            }
            else
            {
                first = status;
            }

            switch (first)
            {
                case 0xFF:
                    var type = Byte(position++, end, track);
                    var metaLength = (int)ReadVariable(ref position, end, track);
                    var meta = Slice(position, metaLength, end, track);
                    position += metaLength;
                    if (type == 0x2F)
                    {
                        position = end;
                    }
                    else if (type == 0x03)
                    {
                        name ??= MidiMetaText.Name(meta);
                    }
                    else
                    {
                        ReadMeta(type, meta, tick, sequence, syllables);
                    }

                    break;
                case 0xF0 or 0xF7:
                    position += (int)ReadVariable(ref position, end, track);
                    break;
                case >= 0xF1:
                    break; // system common/real-time bytes have no place in a file; skip them
                default:
                    var key = Byte(position++, end, track) & 0x7F;
                    var kind = first & 0xF0;
                    var value = kind is 0xC0 or 0xD0 ? 0 : Byte(position++, end, track) & 0x7F;
                    var channel = first & 0x0F;
                    if (channel != DrumChannel)
                    {
                        Note(kind, channel, key, value, tick, sounding, parts, track);
                    }

                    break;
            }
        }

        foreach (var ((channel, key), starts) in sounding)
        {
            foreach (var start in starts)
            {
                Add(parts, channel, new MidiNote(key, start, Math.Max(tick, start + 1)));
            }
        }

        foreach (var (channel, notes) in parts.OrderBy(p => p.Key))
        {
            notes.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Key.CompareTo(a.Key));
            sequence.Parts.Add(new MidiPart(track, channel, name ?? $"Track {track + 1}", notes));
        }

        if (track == 0 && parts.Count == 0 && name is not null)
        {
            sequence.Title = name;
        }

        sequence.Lyrics.AddRange(MidiLyrics.Lines(syllables));
    }

    private void Note(
        int kind, int channel, int key, int velocity, long tick,
        Dictionary<(int, int), Queue<long>> sounding, Dictionary<int, List<MidiNote>> parts, int track)
    {
        if (kind == 0x90 && velocity > 0)
        {
            if (!sounding.TryGetValue((channel, key), out var starts))
            {
                sounding[(channel, key)] = starts = new Queue<long>();
            }

            starts.Enqueue(tick);
        }
        else if (kind == 0x80 || kind == 0x90)
        {
            if (sounding.TryGetValue((channel, key), out var starts) && starts.TryDequeue(out var start) && tick > start)
            {
                if (++_notes > options.MaxNotes)
                {
                    throw new ScoreReadException("midi.too-large", $"Track {track + 1}: more than {options.MaxNotes:N0} notes.");
                }

                Add(parts, channel, new MidiNote(key, start, tick));
            }
        }
    }

    private static void Add(Dictionary<int, List<MidiNote>> parts, int channel, MidiNote note)
    {
        if (!parts.TryGetValue(channel, out var notes))
        {
            parts[channel] = notes = [];
        }

        notes.Add(note);
    }

    /// <summary>
    /// Records time/key signatures and tempo, text and copyright events as notes, and the syllables of lyric events
    /// (for the track's <paramref name="syllables"/>).
    /// </summary>
    private void ReadMeta(byte type, ReadOnlySpan<byte> meta, long tick, MidiSequence sequence, List<string> syllables)
    {
        switch (type)
        {
            case 0x01:
                AddIfAny(sequence.Notes, _text.Line(meta));
                break;
            case 0x02:
                AddIfAny(sequence.Notes, _text.Line(meta) is { } copyright ? $"copyright: {copyright}" : null);
                break;
            case 0x05:
                AddIfAny(syllables, _text.Syllable(meta));
                break;
            case 0x58 when meta.Length >= 2 && meta[0] > 0 && meta[1] <= 6:
                sequence.TimeSignatures.Add((tick, meta[0], 1 << meta[1]));
                break;
            case 0x59 when meta.Length >= 2 && (sbyte)meta[0] is >= -7 and <= 7:
                sequence.KeySignatures.Add((tick, (sbyte)meta[0], meta[1] == 1));
                break;
            case 0x51 when meta.Length >= 3:
                sequence.MicrosecondsPerQuarter ??= (meta[0] << 16) | (meta[1] << 8) | meta[2];
                break;
        }
    }

    private static void AddIfAny(List<string> list, string? text)
    {
        if (text is not null)
        {
            list.Add(text);
        }
    }

    private long ReadVariable(ref int position, int end, int track)
    {
        long value = 0;
        for (var i = 0; i < 4; i++)
        {
            var b = Byte(position++, end, track);
            value = (value << 7) | (b & 0x7FL);
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Error(track, position, "a variable-length number longer than 4 bytes");
    }

    private byte Byte(int position, int end, int track) =>
        position < end ? data[position] : throw Error(track, position, "the track ends in the middle of an event");

    private ReadOnlySpan<byte> Slice(int position, int length, int end, int track) =>
        length >= 0 && position + (long)length <= end ? data.AsSpan(position, length) : throw Error(track, position, $"an event of {length} bytes runs past the end of the track");

    private static ScoreReadException Error(int track, int position, string what) =>
        new("midi.invalid", $"Track {track + 1}, byte {position}: {what}.");
}
