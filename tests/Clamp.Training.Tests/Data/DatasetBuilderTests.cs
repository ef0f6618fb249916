using Clamp.Training.Data;
using Clamp.Training.Tests.Support;

namespace Clamp.Training.Tests.Data;

/// <summary>The dataset built from the small data folder committed under Samples/data (see Samples/README.md).</summary>
public sealed class DatasetBuilderTests
{
    private static readonly DatasetBuilder.Result Built = new DatasetBuilder(new DatasetOptions { DataRoot = Samples.PathOf("data") }).Build();

    [Fact]
    public void Every_committed_source_is_read_and_absent_ones_are_skipped()
    {
        Assert.Empty(Built.Errors);
        Assert.Equal(["cre", "openscore-lieder", "pop909"], Built.Items.Select(i => i.Collection).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_art_song_is_described_from_the_OpenScore_index_not_from_its_set_name()
    {
        var song = Built.Items.Single(i => i.Collection == "openscore-lieder");

        Assert.Contains(song.Sentences, s => s.Contains("\"Chant d'automne\"", StringComparison.Ordinal) || s == "Title: Chant d'automne.");
        Assert.Contains(song.Sentences, s => s is "From the set \"6 Mélodies\"." or "Part of \"6 Mélodies\".");
        Assert.DoesNotContain(song.Sentences, s => s.StartsWith("Also known as", StringComparison.Ordinal));
        Assert.Contains("Charles Gounod was a French composer.", song.Sentences);
        Assert.Equal("Charles Gounod", song.Labels[DevTasks.SongComposer]);
        Assert.Equal(Repertoire.ArtSong, song.Labels[DevTasks.Repertoire]);
        Assert.DoesNotContain("Gounod", song.MusicText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pop_song_from_MIDI_gets_a_description_with_title_and_artist()
    {
        var song = Built.Items.Single(i => i.Collection == "pop909");

        Assert.Contains(song.Sentences, s => s.Contains("123我爱你", StringComparison.Ordinal));
        Assert.Contains(song.Sentences, s => s.Contains("新乐尘符", StringComparison.Ordinal));
        Assert.Equal(Repertoire.PopSong, song.Labels[DevTasks.Repertoire]);
    }

    [Fact]
    public void The_held_out_collection_is_dev_as_a_whole_with_its_tune_types()
    {
        var cre = Built.Items.Where(i => i.Collection == "cre").ToList();

        Assert.Equal(3, cre.Count);
        Assert.All(cre, tune => Assert.True(tune.IsDev));
        Assert.All(cre, tune => Assert.Equal("reel", tune.Labels[DevTasks.HeldOutTuneType]));
        Assert.All(cre, tune => Assert.False(tune.Labels.ContainsKey(DevTasks.TuneType)));
    }
}
