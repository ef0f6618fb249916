using Clamp.Music;
using Clamp.Training.Data;

namespace Clamp.Training.Tests.Data;

public sealed class DescriptionWriterTests
{
    private static readonly TuneMetadata Jig = new() { Titles = ["The Rakes of Kildare", "Rakes of Kildare, The"], Key = "G major", Rhythm = "jig" };

    [Fact]
    public void The_lead_sentence_packs_type_key_and_collection_like_a_person_would_write_it()
    {
        var sentences = DescriptionWriter.Write(new SourceFacts { Repertoire = Repertoire.FolkTune, Collection = "the Nottingham Music Database" }, Jig, [], new Random(1));

        Assert.Equal("A jig in G major from the Nottingham Music Database.", sentences[0]);
        Assert.Equal("This is a jig.", sentences[1]);
        Assert.Contains("Also known as \"Rakes of Kildare, The\".", sentences);
    }

    [Fact]
    public void Every_sentence_is_a_sentence_and_none_repeats()
    {
        var source = new SourceFacts
        {
            Repertoire = Repertoire.ArtSong,
            Title = "Chant d'automne",
            Set = "6 Mélodies",
            Composer = "Charles Gounod",
            ComposerDates = "1818-1893",
            ComposerDescription = "French composer",
        };
        var metadata = new TuneMetadata { Titles = ["6 Mélodies", "Chant d'automne"], Lyrics = "Bientôt nous plongerons dans les froides ténèbres" };

        var sentences = DescriptionWriter.Write(source, metadata, ["It is in 3/4 time."], new Random(2));

        Assert.All(sentences, s => Assert.Matches(@"[.!?""]$", s));
        Assert.Equal(sentences.Count, sentences.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("Charles Gounod was a French composer.", sentences);
        Assert.Contains(sentences, s => s.Contains("Chant d'automne", StringComparison.Ordinal) && !s.StartsWith("Also", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("(1818-1893)", StringComparison.Ordinal));
        Assert.Contains("It is in 3/4 time.", sentences);
        Assert.Contains(sentences, s => s.StartsWith("The words begin: \"Bientôt", StringComparison.Ordinal));
    }

    [Fact]
    public void The_phrasing_depends_on_the_generator_only()
    {
        var source = new SourceFacts { Repertoire = Repertoire.PopSong, Title = "Song", Artist = "A Band", Year = "1999", Genre = "Pop" };
        var texts = Enumerable.Range(0, 20).Select(seed => string.Join(" ", DescriptionWriter.Write(source, new TuneMetadata(), [], new Random(seed)))).ToList();

        Assert.Equal(texts[3], string.Join(" ", DescriptionWriter.Write(source, new TuneMetadata(), [], new Random(3))));
        Assert.True(texts.Distinct().Count() > 3, "the phrasings should vary with the generator");
    }

    [Fact]
    public void Missing_facts_are_left_out_not_written_empty()
    {
        var sentences = DescriptionWriter.Write(new SourceFacts { Repertoire = Repertoire.FolkSong, Composer = "  " }, new TuneMetadata(), [], new Random(0));

        Assert.Equal(2, sentences.Count);
        Assert.Equal("A folk song.", sentences[0]);
    }
}
