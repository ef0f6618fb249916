using System.IO.Compression;
using System.Text;
using Clamp.Music.MusicXml;
using static Clamp.Music.Tests.MusicXml.MusicXmlDocument;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>Hostile and absurd inputs are refused with a typed error before they cost memory or leak files.</summary>
[Trait("Suite", "Hostile")]
public class MusicXmlHostileInputTests
{
    private static readonly string SmallScore = Score([DefaultAttributes + Note("C", 4, 8)]);

    [Fact]
    public void External_entity_is_refused_and_the_file_is_never_read()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE score-partwise [<!ENTITY xxe SYSTEM \"file://{secret}\">]>"
            + SmallScore[SmallScore.IndexOf("<score-partwise", StringComparison.Ordinal)..].Replace("Part 1", "&xxe;", StringComparison.Ordinal);

        var error = Refuse(Encoding.UTF8.GetBytes(xml));

        Assert.Equal("musicxml.hostile", error.Code);
        Assert.DoesNotContain("TOP-SECRET", error.Message);
        File.Delete(secret);
    }

    [Fact]
    public void Billion_laughs_is_refused()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]><score-partwise><work><work-title>&lol9;</work-title></work></score-partwise>";

        Assert.Equal("musicxml.hostile", Refuse(Encoding.UTF8.GetBytes(xml)).Code);
    }

    [Fact]
    public void Utf16_document_with_entity_declarations_is_refused_too()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY a \"b\">]><score-partwise/>";

        Assert.Equal("musicxml.hostile", Refuse([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]).Code);
    }

    [Fact]
    public void Deeply_nested_elements_are_refused_before_a_tree_is_built()
    {
        var depth = 200_000; // an XDocument of this depth would take minutes to build
        var xml = $"<score-partwise><part id=\"P1\"><measure>{string.Concat(Enumerable.Repeat("<a>", depth))}{string.Concat(Enumerable.Repeat("</a>", depth))}</measure></part></score-partwise>";

        var error = Refuse(Encoding.UTF8.GetBytes(xml));

        Assert.Equal("musicxml.hostile", error.Code);
        Assert.Contains("nests elements", error.Message);
    }

    [Fact]
    public void Public_musicxml_doctype_is_accepted_and_never_fetched()
    {
        var xml = SmallScore.Replace(
            "<score-partwise", "<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 4.0 Partwise//EN\" \"http://127.0.0.1:9/partwise.dtd\"><score-partwise", StringComparison.Ordinal);

        Assert.Contains("C8|", MusicXmlConverter.ToAbc(Encoding.UTF8.GetBytes(xml), compressed: false));
    }

    [Fact]
    public void Zip_bomb_is_refused_by_its_inflated_size()
    {
        var bomb = Archive(("META-INF/container.xml", Encoding.UTF8.GetBytes(Container("score.xml"))), ("score.xml", new byte[80 * 1024 * 1024]));

        var error = Refuse(bomb);

        Assert.Equal("mxl.zip-bomb", error.Code);
        Assert.True(bomb.Length < 200_000, $"the test bomb should be small, is {bomb.Length}");
    }

    [Fact]
    public void Entry_inflating_far_more_than_its_compressed_size_is_refused_below_the_size_limit()
    {
        var padded = SmallScore.Replace("</score-partwise>", $"<!--{new string(' ', 4 * 1024 * 1024)}--></score-partwise>", StringComparison.Ordinal);

        Assert.Equal("mxl.zip-bomb", Refuse(Archive(("score.xml", Encoding.UTF8.GetBytes(padded)))).Code);
    }

    [Fact]
    public void Entry_whose_header_understates_its_size_is_not_inflated_past_it()
    {
        var archive = Archive(("score.xml", new byte[3 * 1024 * 1024]));
        var local = archive.AsSpan().IndexOf("PK\u0003\u0004"u8);
        var central = archive.AsSpan().IndexOf("PK\u0001\u0002"u8);
        BitConverter.TryWriteBytes(archive.AsSpan(local + 22, 4), 1000);
        BitConverter.TryWriteBytes(archive.AsSpan(central + 24, 4), 1000);

        // Inflation stops at the declared size (checked against the limits), so the truncated document fails to parse.
        var error = Refuse(archive);

        Assert.Equal("musicxml.invalid", error.Code);
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Archive_with_too_many_entries_is_refused()
    {
        var entries = Enumerable.Range(0, 300).Select(i => ($"f{i}.txt", new byte[] { 1 })).ToArray();

        Assert.Equal("mxl.zip-bomb", Refuse(Archive(entries)).Code);
    }

    [Fact]
    public void Archive_naming_a_missing_rootfile_and_holding_no_score_is_refused()
    {
        var archive = Archive(("META-INF/container.xml", Encoding.UTF8.GetBytes(Container("missing.xml"))), ("notes.txt", [1, 2, 3]));

        Assert.Equal("mxl.invalid", Refuse(archive).Code);
    }

    [Fact]
    public void Container_with_entity_declarations_is_refused()
    {
        var container = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY e \"score.xml\">]><container><rootfiles><rootfile full-path=\"&e;\"/></rootfiles></container>";
        var archive = Archive(("META-INF/container.xml", Encoding.UTF8.GetBytes(container)), ("score.xml", Encoding.UTF8.GetBytes(SmallScore)));

        Assert.Equal("musicxml.hostile", Refuse(archive).Code);
    }

    [Fact]
    public void Archive_built_here_converts_when_it_is_sound()
    {
        var archive = Archive(("META-INF/container.xml", Encoding.UTF8.GetBytes(Container("music/score.xml"))), ("music/score.xml", Encoding.UTF8.GetBytes(SmallScore)));

        Assert.Contains("C8|", MusicXmlConverter.ToAbc(archive, compressed: true));
    }

    [Fact]
    public void Oversized_input_is_refused_before_it_is_parsed()
    {
        var options = new MusicXmlReadOptions { MaxInputBytes = 1024 };
        var big = Encoding.UTF8.GetBytes(SmallScore + new string(' ', 2048));

        var error = Assert.Throws<ScoreReadException>(() => MusicXmlConverter.Convert(big, compressed: false, options));

        Assert.Equal("musicxml.too-large", error.Code);
    }

    [Fact]
    public void Document_over_the_character_limit_is_refused_while_reading()
    {
        var options = new MusicXmlReadOptions { MaxXmlBytes = 4096 };
        var big = Encoding.UTF8.GetBytes(SmallScore.Replace("</score-partwise>", $"<!--{new string('x', 8000)}--></score-partwise>", StringComparison.Ordinal));
        var archive = Archive(("score.xml", big));

        Assert.Equal("musicxml.too-large", Assert.Throws<ScoreReadException>(() => MusicXmlConverter.Convert(big, false, options)).Code);
        Assert.Equal("mxl.zip-bomb", Assert.Throws<ScoreReadException>(() => MusicXmlConverter.Convert(archive, true, options)).Code);
    }

    [Fact]
    public void Score_with_too_many_measures_is_refused()
    {
        var options = new MusicXmlReadOptions { MaxMeasures = 10 };
        var xml = Score(Enumerable.Range(0, 11).Select(_ => Note("C", 4, 8)).ToArray());

        var error = Assert.Throws<ScoreReadException>(() => MusicXmlConverter.Convert(Encoding.UTF8.GetBytes(xml), false, options));

        Assert.Equal("musicxml.too-large", error.Code);
    }

    [Fact]
    public void Chord_members_and_grace_notes_count_as_notes_and_chords_are_capped()
    {
        string ChordNote(int i) => Note("CDEFGAB"[i % 7].ToString(), i / 7 % 11, 8, alter: (i / 77 % 5) - 2).Replace("<note>", "<note><chord/>", StringComparison.Ordinal);
        var xml = Score([DefaultAttributes + Note("C", 4, 8) + string.Concat(Enumerable.Range(0, 385).Select(ChordNote))]);

        var abc = MusicXmlConverter.ToAbc(Encoding.UTF8.GetBytes(xml), compressed: false);
        var chord = MusicXmlDocument.Body(abc)[0];
        var error = Assert.Throws<ScoreReadException>(() => MusicXmlConverter.Convert(Encoding.UTF8.GetBytes(xml), false, new MusicXmlReadOptions { MaxNotes = 100 }));

        Assert.Equal(128, chord.Count(c => "CDEFGABcdefgab".Contains(c)));
        Assert.Equal("musicxml.too-large", error.Code);
    }

    [Theory]
    [InlineData("<score-partwise><part id=\"P1\"><measure>", "musicxml.invalid")]
    [InlineData("<html><body>not music</body></html>", "musicxml.invalid")]
    [InlineData("<score-partwise><part-list/></score-partwise>", "musicxml.empty")]
    [InlineData("", "musicxml.invalid")]
    public void Broken_or_foreign_documents_get_a_typed_error(string xml, string code)
    {
        Assert.Equal(code, Refuse(Encoding.UTF8.GetBytes(xml)).Code);
    }

    [Fact]
    public void Malformed_xml_error_names_its_line()
    {
        var error = Refuse(Encoding.UTF8.GetBytes("<score-partwise>\n<part id=\"P1\">\n<measure>\n</part>"));

        Assert.Equal("musicxml.invalid", error.Code);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("line 4:", error.Message);
    }

    private static ScoreReadException Refuse(byte[] content) =>
        Assert.Throws<ScoreReadException>(() => MusicXmlConverter.ToAbc(content, compressed: content.AsSpan().StartsWith("PK"u8)));

    private static string Container(string path) =>
        $"<?xml version=\"1.0\"?><container><rootfiles><rootfile full-path=\"{path}\" media-type=\"application/vnd.recordare.musicxml+xml\"/></rootfiles></container>";

    internal static byte[] Archive(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
