using Clamp.Music.Abc;
using Clamp.Music.Midi;
using Clamp.Music.Tests.MusicXml;
using static Clamp.Music.Tests.Midi.MidiFileBuilder;

namespace Clamp.Music.Tests.Midi;

/// <summary>The MIDI transcription on small files written here, note by note.</summary>
public class MidiConverterTests
{
    [Fact]
    public void Notes_are_quantised_spelled_in_the_key_and_tied_over_bar_lines()
    {
        var midi = new MidiFileBuilder()
            .Track(t => t.Name("Song").TimeSignature(0, 3, 2).KeySignature(2, minor: false).Tempo(500_000))
            .Track(t => t.Name("Flute")
                .Note(74, 0, Quarter)                      // D5, a quarter
                .Note(66, Quarter + 7, (Quarter / 2) - 5)  // F#4, an eighth played a little late
                .Note(65, (3 * Quarter) / 2, Quarter / 2)  // F natural
                .Note(69, 2 * Quarter, 2 * Quarter))       // A4 over the bar line
            .Build();

        var conversion = MidiConverter.Convert(midi);

        Assert.False(conversion.KeyEstimated);
        Assert.Equal(2, conversion.BarCount);
        Assert.StartsWith("X:1\nT:Song\nL:1/8\nQ:1/4=120\nM:3/4\nK:D\n", conversion.Abc);
        Assert.EndsWith("K:D\nd2 F =F A2-|A2 z4|\n", conversion.Abc);
    }

    [Fact]
    public void Simultaneous_notes_make_chords_and_overlapping_ones_separate_voices()
    {
        var midi = new MidiFileBuilder()
            .Track(t => t.Name("Piano")
                .Note(60, 0, 4 * Quarter).Note(64, 0, 4 * Quarter)         // a held C-E dyad
                .Note(72, 0, Quarter).Note(74, Quarter, 3 * Quarter))      // a melody above it
            .Build();

        var conversion = MidiConverter.Convert(midi);
        var body = MusicXmlDocument.Body(conversion.Abc);

        Assert.Equal(2, conversion.VoiceCount);
        Assert.Contains("%%score (1 2)", conversion.Abc);
        Assert.Equal(["[V:1]c2 d6|", "[V:2][CE]8|"], body);
    }

    [Fact]
    public void Past_the_voice_limit_the_earliest_ending_voice_is_cut_short()
    {
        var midi = new MidiFileBuilder()
            .Track(t => t.Note(72, 0, 4 * Quarter).Note(67, 0, 3 * Quarter).Note(64, 0, 2 * Quarter).Note(60, Quarter, Quarter))
            .Build();

        var conversion = MidiConverter.Convert(midi, new MidiReadOptions { MaxVoicesPerPart = 2 });

        Assert.Equal(2, conversion.VoiceCount);
        Assert.Equal(["[V:1]c8|", "[V:2][EG]2 C2 z4|"], MusicXmlDocument.Body(conversion.Abc));
    }

    [Fact]
    public void Drums_are_left_out_and_a_file_of_drums_only_has_no_notes()
    {
        var drums = new MidiFileBuilder().Track(t => t.Note(36, 0, Quarter, channel: 9)).Build();
        var mixed = new MidiFileBuilder().Track(t => t.Note(36, 0, Quarter, channel: 9).Note(60, 0, 4 * Quarter)).Build();

        Assert.Equal("midi.no-notes", Assert.Throws<ScoreReadException>(() => MidiConverter.ToAbc(drums)).Code);
        Assert.Equal(["C8|"], MusicXmlDocument.Body(MidiConverter.ToAbc(mixed)));
    }

    [Fact]
    public void Key_is_estimated_when_the_file_has_no_key_signature()
    {
        int[] aMinor = [57, 59, 60, 62, 64, 65, 68, 69, 64, 57, 60, 64, 69];
        var midi = new MidiFileBuilder().Track(t =>
        {
            for (var i = 0; i < aMinor.Length; i++)
            {
                t.Note(aMinor[i], i * Quarter, Quarter);
            }
        }).Build();

        var conversion = MidiConverter.Convert(midi);

        Assert.True(conversion.KeyEstimated);
        Assert.Contains("\nK:Am\n", conversion.Abc);
        Assert.Contains("^G", conversion.Abc);
    }

    [Fact]
    public void Time_signature_changes_start_a_bar_with_an_inline_meter()
    {
        var midi = new MidiFileBuilder()
            .Track(t => t.TimeSignature(0, 2, 2).TimeSignature(2 * Quarter, 3, 2).Note(60, 0, 2 * Quarter).Note(62, 2 * Quarter, 3 * Quarter))
            .Build();

        Assert.Equal(["C4|[M:3/4]D6|"], MusicXmlDocument.Body(MidiConverter.ToAbc(midi)));
    }

    [Fact]
    public void Every_voice_has_every_bar_when_read_back_as_abc()
    {
        var conversion = MidiConverter.Convert(File.ReadAllBytes(Support.Samples.PathOf("midi/pop909-001.mid")));
        var tune = AbcParser.ParseTune(conversion.Abc);
        var bars = AbcBarCounter.CountPerVoice(tune.MusicText);
        var partNames = conversion.Abc.Split('\n').Where(l => l.StartsWith("V:", StringComparison.Ordinal) && l.Contains("nm=", StringComparison.Ordinal));

        Assert.Equal(["MELODY", "BRIDGE", "PIANO"], partNames.Select(l => l.Split('"')[1]));
        Assert.Contains("\nM:2/4\n", conversion.Abc);
        Assert.Contains("\nQ:1/4=90\n", conversion.Abc);
        Assert.True(conversion.KeyEstimated);
        Assert.Equal(conversion.VoiceCount, bars.Count);
        Assert.All(bars.Values, count => Assert.Equal(conversion.BarCount, count));
        Assert.Empty(tune.Warnings);
    }

    [Fact]
    public void Copyright_and_text_events_become_notes_and_lyric_events_the_words()
    {
        string[] syllables = ["A-", "las,", "my", "love,", "/you", "do", "me", "wrong"];
        var midi = new MidiFileBuilder()
            .Track(t => t.Name("Greensleeves").Text(0x02, "© 1580 R. Jones").Text(0x01, "Words: anonymous\r\nsung \u0007softly"))
            .Track(t =>
            {
                t.Name("Voice");
                for (var i = 0; i < syllables.Length; i++)
                {
                    t.Note(69, i * Quarter, Quarter).Text(0x05, syllables[i], i * Quarter);
                }
            })
            .Build();

        var abc = MidiConverter.ToAbc(midi);
        var metadata = AbcParser.ParseTune(abc).Metadata;

        Assert.StartsWith("X:1\nT:Greensleeves\nN:copyright: © 1580 R. Jones\nN:Words: anonymous sung softly\nW:Alas, my love,\nW:you do me wrong\n", abc);
        Assert.Equal(["Greensleeves"], metadata.Titles); // the other track names name parts, not the piece
        Assert.Equal("copyright: © 1580 R. Jones\nWords: anonymous sung softly", metadata.Notes);
        Assert.Equal("Alas, my love,\nyou do me wrong", metadata.Lyrics);
    }

    [Fact]
    public void Lyric_events_that_carry_their_own_spaces_are_joined_as_written()
    {
        string[] syllables = ["Hel", "lo ", "world ", "\rgood", "bye"];
        var midi = new MidiFileBuilder().Track(t =>
        {
            for (var i = 0; i < syllables.Length; i++)
            {
                t.Note(60, i * Quarter, Quarter).Text(0x05, syllables[i], i * Quarter);
            }
        }).Build();

        Assert.Equal("Hello world\ngoodbye", AbcParser.ParseTune(MidiConverter.ToAbc(midi)).Metadata.Lyrics);
    }

    [Fact]
    public void The_text_of_meta_events_is_read_up_to_the_limit_only()
    {
        var huge = new string('x', 100_000);
        var midi = new MidiFileBuilder()
            .Track(t => t.Text(0x01, "first note").Text(0x01, huge).Text(0x02, huge).Text(0x05, huge).Name(huge))
            .Track(t => t.Note(60, 0, Quarter))
            .Build();

        var abc = MidiConverter.Convert(midi, new MidiReadOptions { MaxMetadataChars = 100 }).Abc;
        var metadata = AbcParser.ParseTune(abc).Metadata;

        Assert.Equal("first note\n" + new string('x', 90), metadata.Notes);
        Assert.Null(metadata.Lyrics);
        Assert.Equal(new string('x', 200), metadata.Title); // a track name is cut on its own
        Assert.True(abc.Length < 1_000, $"{abc.Length} characters of ABC");
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "not start with a MIDI header")]
    [InlineData(new byte[] { 0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1, 0, 1, 1, 0xE0, 0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 3, 0, 0x90, 60 }, "Track 1, byte 25: the track ends in the middle of an event")]
    [InlineData(new byte[] { 0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1, 0, 1, 1, 0xE0, 0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 4, 0, 60, 80, 0 }, "Track 1, byte 23: a data byte with no running status")]
    public void Broken_files_name_the_track_and_byte(byte[] content, string reason)
    {
        var error = Assert.Throws<ScoreReadException>(() => MidiConverter.ToAbc(content));

        Assert.Equal("midi.invalid", error.Code);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Absurd_lengths_are_refused()
    {
        var long_ = new MidiFileBuilder().Track(t => t.Note(60, 0, 100 * Quarter)).Build();

        var error = Assert.Throws<ScoreReadException>(() => MidiConverter.Convert(long_, new MidiReadOptions { MaxBars = 10 }));

        Assert.Equal("midi.too-large", error.Code);
        Assert.Equal("midi.too-large", Assert.Throws<ScoreReadException>(() => MidiConverter.Convert(long_, new MidiReadOptions { MaxInputBytes = 10 })).Code);
        var manyChannels = new MidiFileBuilder().Track(t =>
        {
            for (var channel = 0; channel < 16; channel++)
            {
                t.Note(60 + channel, 0, Quarter, channel == 9 ? 0 : channel);
            }
        }).Build();
        Assert.Equal("midi.too-large", Assert.Throws<ScoreReadException>(() => MidiConverter.Convert(manyChannels, new MidiReadOptions { MaxVoices = 8 })).Code);
    }
}
