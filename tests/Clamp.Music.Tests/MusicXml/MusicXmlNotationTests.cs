using Clamp.Music.Abc;
using static Clamp.Music.Tests.MusicXml.MusicXmlDocument;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>Each MusicXML notation the converter supports, on small hand-written scores, and the ABC it gives.</summary>
public class MusicXmlNotationTests
{
    [Fact]
    public void Notes_rests_lengths_and_octaves()
    {
        var abc = ToAbc(Score([DefaultAttributes + Note("C", 4, 2) + Note("D", 5, 1) + Rest(1) + Note("G", 3, 3) + Note("B", 6, 1)]));

        Assert.Equal(["C2 d z G,3 b'|"], Body(abc));
        Assert.Contains("L:1/8\nM:4/4\nK:C\n", abc);
    }

    [Fact]
    public void Accidentals_are_written_where_key_and_bar_do_not_already_give_them()
    {
        var sharp = Note("F", 4, 1, alter: 1);
        var abc = ToAbc(Score([DefaultAttributes + sharp + sharp + Note("F", 4, 1) + Note("F", 5, 1) + Note("B", 4, 2, alter: -1) + Note("B", 4, 2, alter: -1)]));

        Assert.Equal(["^F F =F f _B2 B2|"], Body(abc));
    }

    [Fact]
    public void Ties_chords_and_beams()
    {
        var chordHead = Note("C", 4, 4, extra: "<tie type=\"start\"/>");
        var chordNote = Note("E", 4, 4).Replace("<note>", "<note><chord/>", StringComparison.Ordinal);
        var beamed = Note("G", 4, 1, extra: "<beam number=\"1\">begin</beam>") + Note("A", 4, 1, extra: "<beam number=\"1\">end</beam>");
        var abc = ToAbc(Score([DefaultAttributes + chordHead + chordNote + beamed + Rest(2), Note("C", 4, 8)]));

        Assert.Equal(["[C-E]4 GA z2|C8|"], Body(abc));
    }

    [Fact]
    public void Tuplets_keep_their_written_lengths_inside_a_tuplet_group()
    {
        const string attributes = "<attributes><divisions>6</divisions><time><beats>2</beats><beat-type>4</beat-type></time></attributes>";
        const string triplet = "<time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification>";
        var notes = Note("C", 5, 2, extra: triplet + "<notations><tuplet type=\"start\"/></notations>")
            + Note("D", 5, 2, extra: triplet) + Note("E", 5, 2, extra: triplet + "<notations><tuplet type=\"stop\"/></notations>")
            + Note("F", 5, 6);
        var abc = ToAbc(Score([attributes + notes]));

        Assert.Equal(["(3:2:3c d e f2|"], Body(abc));
    }

    [Fact]
    public void Grace_notes_go_before_their_main_note()
    {
        var grace = "<note><grace slash=\"yes\"/><pitch><step>D</step><octave>5</octave></pitch><voice>1</voice><type>eighth</type></note>";
        var abc = ToAbc(Score([DefaultAttributes + grace + Note("C", 5, 8)]));

        Assert.Equal(["{/d}c8|"], Body(abc));
    }

    [Fact]
    public void Key_time_and_clef_changes_become_inline_fields()
    {
        var change = "<attributes><key><fifths>2</fifths></key><time><beats>3</beats><beat-type>4</beat-type></time><clef><sign>F</sign><line>4</line></clef></attributes>";
        var abc = ToAbc(Score([DefaultAttributes + Note("C", 4, 8), change + Note("F", 3, 4, alter: 1) + Note("C", 3, 2)]));

        Assert.Equal(["C8|[K:D][M:3/4][K:clef=bass]F,4 =C,2|"], Body(abc));
    }

    [Fact]
    public void Minor_and_modal_keys_are_named_as_abc_names_them()
    {
        string KeyLine(int fifths, string mode) => ToAbc(Score([
            $"<attributes><divisions>2</divisions><key><fifths>{fifths}</fifths><mode>{mode}</mode></key></attributes>" + Note("C", 4, 8)]))
            .Split('\n').Single(l => l.StartsWith("K:", StringComparison.Ordinal));

        Assert.Equal("K:Gm", KeyLine(-2, "minor"));
        Assert.Equal("K:Ddor", KeyLine(0, "dorian"));
        Assert.Equal("K:C#", KeyLine(7, "major"));
        Assert.Equal("K:Ebmix", KeyLine(-4, "mixolydian"));
    }

    [Fact]
    public void Repeats_and_endings_become_bar_lines_and_voltas()
    {
        const string forward = "<barline location=\"left\"><repeat direction=\"forward\"/></barline>";
        const string firstEnding = "<barline location=\"left\"><ending number=\"1\" type=\"start\"/></barline>";
        const string backward = "<barline location=\"right\"><bar-style>light-heavy</bar-style><ending number=\"1\" type=\"stop\"/><repeat direction=\"backward\"/></barline>";
        const string secondEnding = "<barline location=\"left\"><ending number=\"2\" type=\"start\"/></barline>";
        const string final = "<barline location=\"right\"><bar-style>light-heavy</bar-style></barline>";
        var abc = ToAbc(Score([
            forward + DefaultAttributes + Note("C", 4, 8),
            firstEnding + Note("D", 4, 8) + backward,
            secondEnding + Note("E", 4, 8) + final,
        ]));

        Assert.Equal(["|:C8|[1 D8:|[2 E8|]"], Body(abc));
    }

    [Fact]
    public void Voices_on_one_staff_become_abc_voices_interleaved_per_bar_padded_with_invisible_rests()
    {
        var twoVoices = Note("E", 5, 8) + Backup(8) + Note("C", 4, 4, voice: "2") + Rest(4, voice: "2");
        var abc = ToAbc(Score([DefaultAttributes + twoVoices, Note("F", 5, 8)]));

        Assert.Contains("%%score (1 2)", abc);
        Assert.Equal(["[V:1]e8|", "[V:2]C4 z4|", "[V:1]f8|", "[V:2]x8|"], Body(abc));
    }

    [Fact]
    public void Parts_and_staves_are_grouped_in_the_score_directive()
    {
        var piano = DefaultAttributes.Replace("</attributes>", "<staves>2</staves><clef number=\"2\"><sign>F</sign><line>4</line></clef></attributes>", StringComparison.Ordinal)
            + Note("C", 5, 8) + Backup(8) + Note("C", 3, 8, voice: "5", staff: 2);
        var abc = ToAbc(Score([DefaultAttributes + Note("G", 4, 8)], [piano]));

        Assert.Contains("%%score 1 {2 | 3}", abc);
        Assert.Contains("V:1 treble nm=\"Part 1\"\nV:2 treble nm=\"Part 2\"\nV:3 bass\n", abc);
        Assert.Equal(["[V:1]G8|", "[V:2]c8|", "[V:3]C,8|"], Body(abc));
    }

    [Fact]
    public void Chord_symbols_are_quoted_before_their_note()
    {
        const string harmony = "<harmony><root><root-step>B</root-step><root-alter>-1</root-alter></root><kind>dominant</kind><bass><bass-step>D</bass-step></bass></harmony>";
        const string minor = "<harmony><root><root-step>C</root-step></root><kind>minor-seventh</kind></harmony>";
        var abc = ToAbc(Score([DefaultAttributes + harmony + Note("B", 4, 4, alter: -1) + minor + Note("C", 5, 4)]));

        Assert.Equal(["\"Bb7/D\"_B4 \"Cm7\"c4|"], Body(abc));
    }

    [Fact]
    public void Dynamics_go_on_the_next_note_of_their_staff()
    {
        static string Dynamic(string mark, int staff) =>
            $"<direction><direction-type><dynamics><{mark}/></dynamics></direction-type><staff>{staff}</staff></direction>";
        var piano = DefaultAttributes.Replace("</attributes>", "<staves>2</staves><clef number=\"2\"><sign>F</sign><line>4</line></clef></attributes>", StringComparison.Ordinal)
            + Dynamic("mf", 1) + Dynamic("p", 2) + Note("C", 5, 4) + Note("D", 5, 4) + Backup(8) + Note("C", 3, 8, voice: "5", staff: 2);
        var abc = ToAbc(Score([piano, Dynamic("ff", 1) + Dynamic("other-dynamics", 1) + Note("E", 5, 8) + Backup(8) + Note("E", 3, 8, voice: "5", staff: 2)]));

        Assert.Equal(["[V:1]!mf!c4 d4|", "[V:2]!p!C,8|", "[V:1]!ff!e8|", "[V:2]E,8|"], Body(abc));
    }

    [Fact]
    public void Lyrics_become_words_metadata_one_line_per_verse_in_verse_order()
    {
        string Lyric(string syllabic, string text, int verse = 1) => $"<lyric number=\"{verse}\"><syllabic>{syllabic}</syllabic><text>{text}</text></lyric>";
        var notes = Note("C", 4, 2, extra: Lyric("single", "Sing", 10) + Lyric("begin", "Hal") + Lyric("single", "Praise", 2))
            + Note("D", 4, 2, extra: Lyric("middle", "le")) + Note("E", 4, 2, extra: Lyric("end", "lu"))
            + Note("F", 4, 2, extra: Lyric("single", "jah"));
        var xml = Score([DefaultAttributes + notes]).Replace(
            "<part-list>", "<work><work-title>Anthem</work-title></work><identification><creator type=\"composer\">Anon.</creator><creator type=\"lyricist\">Trad.</creator></identification><part-list>", StringComparison.Ordinal);
        var abc = ToAbc(xml);

        Assert.StartsWith("X:1\nT:Anthem\nC:Anon.\nN:lyricist: Trad.\nW:Hallelu jah\nW:Praise\nW:Sing\nL:1/8\n", abc);
    }

    [Fact]
    public void A_movement_of_a_work_has_the_movement_title_as_title_and_the_work_as_collection_and_each_creator_its_field()
    {
        const string identification = """
            <work><work-number>Op. 48</work-number><work-title>Dichterliebe</work-title></work>
            <movement-number>1</movement-number><movement-title>Im wunderschönen Monat Mai</movement-title>
            <identification>
              <creator type="composer">Robert Schumann</creator><creator type="poet">Heinrich Heine</creator>
              <creator type="arranger">Transcribed from https://imslp.org/wiki/Dichterliebe%2C_Op.48</creator><creator type="arranger">Clara Schumann</creator>
              <creator type="translator">Anon.</creator>
            </identification>
            """;
        var abc = ToAbc(Score([DefaultAttributes + Note("C", 4, 8)]).Replace("<part-list>", identification + "<part-list>", StringComparison.Ordinal));

        Assert.StartsWith(
            "X:1\nT:Im wunderschönen Monat Mai\nC:Robert Schumann\nB:Dichterliebe\nN:lyricist: Heinrich Heine\nN:arranger: Clara Schumann\n"
            + "N:movement: 1\nN:work number: Op. 48\nN:translator: Anon.\nZ:Transcribed from https://imslp.org/wiki/Dichterliebe\\%2C_Op.48\nL:1/8\n", abc);
        var metadata = AbcParser.ParseTune(abc).Metadata;
        Assert.Equal(("Im wunderschönen Monat Mai", "Dichterliebe"), (metadata.Title, metadata.Book));
        Assert.Equal(("Robert Schumann", "Heinrich Heine", "Clara Schumann"), (metadata.Composer, metadata.Lyricist, metadata.Arranger));
        Assert.Equal("movement: 1\nwork number: Op. 48\ntranslator: Anon.", metadata.Notes);
        Assert.Equal("Transcribed from https://imslp.org/wiki/Dichterliebe%2C_Op.48", metadata.Transcription); // '%' escaped, not a comment
        Assert.Empty(metadata.AlternativeTitles);
    }

    [Theory]
    [InlineData("<work><work-title>Reflets</work-title></work>", "Reflets")]
    [InlineData("<movement-title>Sérénade</movement-title>", "Sérénade")]
    [InlineData("<work><work-title>Venise</work-title></work><movement-title>venise</movement-title>", "venise")]
    public void A_work_or_movement_title_alone_or_both_alike_is_the_title_and_no_collection(string titles, string title)
    {
        var abc = ToAbc(Score([DefaultAttributes + Note("C", 4, 8)]).Replace("<part-list>", titles + "<part-list>", StringComparison.Ordinal));

        var metadata = AbcParser.ParseTune(abc).Metadata;
        Assert.Equal([title], metadata.Titles);
        Assert.Null(metadata.Book);
    }

    [Fact]
    public void Timewise_scores_convert_like_partwise_ones()
    {
        var partwise = Score([DefaultAttributes + Note("C", 4, 8), Note("D", 4, 8)], [DefaultAttributes + Note("E", 4, 8), Note("F", 4, 8)]);
        var timewise = "<score-timewise><part-list><score-part id=\"P1\"><part-name>Part 1</part-name></score-part><score-part id=\"P2\"><part-name>Part 2</part-name></score-part></part-list>"
            + $"<measure number=\"1\"><part id=\"P1\">{DefaultAttributes}{Note("C", 4, 8)}</part><part id=\"P2\">{DefaultAttributes}{Note("E", 4, 8)}</part></measure>"
            + $"<measure number=\"2\"><part id=\"P1\">{Note("D", 4, 8)}</part><part id=\"P2\">{Note("F", 4, 8)}</part></measure></score-timewise>";

        Assert.Equal(ToAbc(partwise), ToAbc(timewise));
    }

    [Fact]
    public void An_empty_measure_is_a_full_bar_of_invisible_rest()
    {
        var abc = ToAbc(Score([DefaultAttributes + Note("C", 4, 8), ""]));

        Assert.Equal(["C8|x8|"], Body(abc));
    }
}
