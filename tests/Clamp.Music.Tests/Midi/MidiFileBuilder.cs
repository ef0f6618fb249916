namespace Clamp.Music.Tests.Midi;

/// <summary>Writes small Standard MIDI Files for tests (format 1, 480 ticks per quarter).</summary>
internal sealed class MidiFileBuilder
{
    public const int Quarter = 480;
    private readonly List<List<(long Tick, byte[] Bytes)>> _tracks = [];

    public MidiFileBuilder Track(Action<TrackBuilder> build)
    {
        var track = new TrackBuilder();
        build(track);
        _tracks.Add(track.Events);
        return this;
    }

    public byte[] Build()
    {
        var file = new List<byte>();
        file.AddRange("MThd"u8.ToArray());
        file.AddRange(BigEndian(6, 4));
        file.AddRange(BigEndian(1, 2));
        file.AddRange(BigEndian(_tracks.Count, 2));
        file.AddRange(BigEndian(Quarter, 2));
        foreach (var events in _tracks)
        {
            var body = new List<byte>();
            var last = 0L;
            foreach (var (tick, bytes) in events.OrderBy(e => e.Tick))
            {
                body.AddRange(Variable(tick - last));
                body.AddRange(bytes);
                last = tick;
            }

            body.AddRange([0x00, 0xFF, 0x2F, 0x00]);
            file.AddRange("MTrk"u8.ToArray());
            file.AddRange(BigEndian(body.Count, 4));
            file.AddRange(body);
        }

        return [.. file];
    }

    private static byte[] BigEndian(int value, int bytes) => Enumerable.Range(0, bytes).Select(i => (byte)(value >> (8 * (bytes - 1 - i)))).ToArray();

    private static List<byte> Variable(long value)
    {
        var bytes = new List<byte> { (byte)(value & 0x7F) };
        while ((value >>= 7) > 0)
        {
            bytes.Insert(0, (byte)(0x80 | (value & 0x7F)));
        }

        return bytes;
    }

    public sealed class TrackBuilder
    {
        public List<(long Tick, byte[] Bytes)> Events { get; } = [];

        public TrackBuilder Name(string name) => Meta(0, 0x03, System.Text.Encoding.ASCII.GetBytes(name));

        /// <summary>A text (0x01), copyright (0x02) or lyric (0x05) event, its text in UTF-8.</summary>
        public TrackBuilder Text(byte type, string text, long tick = 0) => Meta(tick, type, System.Text.Encoding.UTF8.GetBytes(text));

        public TrackBuilder TimeSignature(long tick, int numerator, int denominatorPower) => Meta(tick, 0x58, [(byte)numerator, (byte)denominatorPower, 24, 8]);

        public TrackBuilder KeySignature(int fifths, bool minor) => Meta(0, 0x59, [(byte)(sbyte)fifths, (byte)(minor ? 1 : 0)]);

        public TrackBuilder Tempo(int microsecondsPerQuarter) =>
            Meta(0, 0x51, [(byte)(microsecondsPerQuarter >> 16), (byte)(microsecondsPerQuarter >> 8), (byte)microsecondsPerQuarter]);

        /// <summary>A note from <paramref name="start"/> lasting <paramref name="length"/> ticks (off as note-on with velocity 0).</summary>
        public TrackBuilder Note(int key, long start, long length, int channel = 0)
        {
            Events.Add((start, [(byte)(0x90 | channel), (byte)key, 80]));
            Events.Add((start + length, [(byte)(0x90 | channel), (byte)key, 0]));
            return this;
        }

        private TrackBuilder Meta(long tick, byte type, byte[] data)
        {
            Events.Add((tick, [0xFF, type, .. Variable(data.Length), .. data]));
            return this;
        }
    }
}
