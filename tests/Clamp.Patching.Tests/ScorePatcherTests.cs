using Clamp.Contracts.Messages;
using Clamp.Music;
using Clamp.Music.Abc;
using Clamp.Music.Patching;
using Microsoft.Extensions.Options;

namespace Clamp.Patching.Tests;

/// <summary>What the patching stage makes of real and broken scores (no broker needed).</summary>
public sealed class ScorePatcherTests
{
    /// <summary>Gounod's "Chant d'automne" from "6 Mélodies" (OpenScore Lieder, CC0).</summary>
    private const string GounodSong = "lc5079391.mxl";

    private static ScorePatcher Patcher(string scheme = "clamp1", int maxPatches = 512) =>
        new(new ScoreImporter(), Options.Create(new PatchingOptions { Scheme = scheme, MaxPatches = maxPatches }));

    [Fact]
    public void A_real_tune_is_cut_into_the_patches_of_its_music_text_with_merged_metadata()
    {
        var content = Scores.SampleTune("jigs.abc", 1);
        var uploaded = new ScoreMetadata { Title = "Uploader's title", Tags = ["session"], Extra = new Dictionary<string, string> { ["source"] = "upload form" } };

        var outcome = Patcher().Patch(Scores.Ingested("jigs.abc", content, uploaded, targetModelVersion: "2.0.0") with { Tenant = "beta" });

        var patched = Assert.IsType<ScorePatched>(outcome.Patched);
        var tune = AbcParser.ParseTune(ScoreTextDecoder.Decode(content));
        var expected = BarPatcher.For(PatchScheme.Clamp1).Patch(tune.MusicText, 512);
        Assert.Equal(expected.Ids, patched.Patches);
        Assert.Equal(expected.Count, patched.PatchCount);
        Assert.True(patched.PatchCount > 4);
        Assert.Equal((64, "clamp1", "2.0.0", "beta"), (patched.PatchLength, patched.PatchScheme, patched.TargetModelVersion, patched.Tenant));
        Assert.Equal(patched.PatchCount * patched.PatchLength, patched.Patches.Length);
        Assert.Equal(tune.MusicText, patched.MusicText);

        Assert.Equal("Uploader's title", patched.Metadata.Title);
        Assert.Equal("G major", patched.Metadata.Key);
        Assert.Equal("6/8", patched.Metadata.Meter);
        Assert.Equal(["session"], patched.Metadata.Tags);
        Assert.Equal("upload form", patched.Metadata.Extra["source"]);
    }

    [Fact]
    public void The_file_gives_what_the_uploader_left_out()
    {
        var patched = Patcher().Patch(Scores.Ingested("jigs.abc", Scores.SampleTune("jigs.abc", 1))).Patched!;

        Assert.Equal("Abacus", patched.Metadata.Title);
        Assert.Equal("By Hugh Barwell, via Phil Rowe", patched.Metadata.Extra["source"]);
    }

    [Fact]
    public void A_song_gives_its_title_set_credits_notes_and_lyrics_to_their_fields_not_to_extra()
    {
        var score = Scores.Ingested(GounodSong, Scores.Sample(GounodSong)) with { Format = ScoreFormat.CompressedMusicXml };

        var metadata = Patcher().Patch(score).Patched!.Metadata;

        Assert.Equal(("Chant d'automne", "6 Mélodies"), (metadata.Title, metadata.Collection));
        Assert.Empty(metadata.AlternativeTitles);
        Assert.Equal(("Charles Gounod", "Anonymous", null), (metadata.Composer, metadata.Lyricist, metadata.Arranger));
        Assert.Equal("movement: 4", metadata.Notes);
        Assert.StartsWith("Oh! viens, la fleur déjà fanée", metadata.Lyrics);
        Assert.Empty(metadata.Extra.Keys.Intersect(["notes", "lyrics", "otherTitles"], StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_uploaders_fields_win_one_by_one_over_the_songs()
    {
        var uploaded = new ScoreMetadata
        {
            Title = "Autumn Song",
            AlternativeTitles = ["Chant d'automne"],
            Lyricist = "An unknown poet",
            Notes = "Sung at the 1871 concert",
            Lyrics = "Oh come, the faded flower",
        };
        var score = Scores.Ingested(GounodSong, Scores.Sample(GounodSong), uploaded) with { Format = ScoreFormat.CompressedMusicXml };

        var metadata = Patcher().Patch(score).Patched!.Metadata;

        Assert.Equal(("Autumn Song", "An unknown poet", "Sung at the 1871 concert", "Oh come, the faded flower"), (metadata.Title, metadata.Lyricist, metadata.Notes, metadata.Lyrics));
        Assert.Equal(["Chant d'automne"], metadata.AlternativeTitles);
        Assert.Equal(("Charles Gounod", "6 Mélodies"), (metadata.Composer, metadata.Collection));
    }

    [Fact]
    public void An_abc_tunes_other_titles_are_its_alternative_titles()
    {
        var tune = "X:1\nT:The Foggy Dew\nT:An Drúcht Ceoch\nN:lyricist: Canon Charles O'Neill\nM:3/4\nL:1/8\nK:G\nG2 AB|c4 d2|\nw:As down the glen\n"u8.ToArray();

        var metadata = Patcher().Patch(Scores.Ingested("dew.abc", tune)).Patched!.Metadata;

        Assert.Equal(("The Foggy Dew", "Canon Charles O'Neill", "As down the glen"), (metadata.Title, metadata.Lyricist, metadata.Lyrics));
        Assert.Equal(["An Drúcht Ceoch"], metadata.AlternativeTitles);
        Assert.Null(metadata.Notes);
    }

    [Theory]
    [InlineData("bwv66.6.mxl", ScoreFormat.CompressedMusicXml)]
    [InlineData("bwv67.4.xml", ScoreFormat.MusicXml)]
    [InlineData("pop909-001.mid", ScoreFormat.Midi)]
    public void MusicXml_and_Midi_scores_are_converted_and_patched(string file, ScoreFormat format)
    {
        var score = Scores.Ingested(file, Scores.Sample(file)) with { Format = format };

        var outcome = Patcher().Patch(score);

        Assert.True(outcome.Patched is not null, outcome.Failed?.Reason);
        Assert.True(outcome.Patched.PatchCount > 4);
        Assert.NotNull(outcome.Patched.Metadata.Meter);
    }

    [Fact]
    public void A_long_score_is_cut_to_the_configured_number_of_patches()
    {
        var patched = Patcher(maxPatches: 4).Patch(Scores.Ingested("reels.abc", Scores.SampleTune("reels.abc", 0))).Patched!;

        Assert.Equal(4, patched.PatchCount);
        Assert.Equal(4 * 64, patched.Patches.Length);
    }

    [Fact]
    public void The_configured_scheme_is_used_and_named()
    {
        var patched = Patcher(scheme: "line-bars").Patch(Scores.Ingested("jigs.abc", Scores.SampleTune("jigs.abc", 0))).Patched!;

        Assert.Equal("line-bars", patched.PatchScheme);
    }

    [Fact]
    public void A_score_without_music_fails_at_patching_with_the_readers_code_and_reason()
    {
        var score = Scores.Ingested("empty.abc", Scores.NoMusic, targetModelVersion: "2.0.0");

        var outcome = Patcher().Patch(score);

        Assert.Null(outcome.Patched);
        var failed = outcome.Failed!;
        Assert.Equal((score.ScoreId, PipelineStage.Patching, "2.0.0"), (failed.ScoreId, failed.Stage, failed.ModelVersion));
        Assert.StartsWith("abc.", failed.Code);
        Assert.StartsWith("empty.abc: ", failed.Reason);
    }

    [Fact]
    public void A_file_of_no_known_format_fails_with_its_reason()
    {
        var failed = Patcher().Patch(Scores.Ingested("notes.pdf", "%PDF-1.7"u8.ToArray())).Failed!;

        Assert.Equal("import.unknown-format", failed.Code);
        Assert.Contains("notes.pdf", failed.Reason);
    }

    [Fact]
    public void The_same_score_always_gives_the_same_patches()
    {
        var score = Scores.Ingested("hornpipes.abc", Scores.SampleTune("hornpipes.abc", 2));

        var first = Patcher().Patch(score).Patched!;
        var second = Patcher().Patch(score).Patched!;

        Assert.Equal(first.Patches, second.Patches);
        Assert.Equivalent(first.Metadata, second.Metadata, strict: true);
    }
}
