using System.Net;
using System.Text;
using Clamp.Contracts.Messages;
using Clamp.Music;

namespace Clamp.Ingest.Tests;

/// <summary>POST /v1/scores:batch: zips (zip-bomb safe) and multi-tune ABC files, one score per file or tune.</summary>
[Trait("Suite", "Hostile")]
public sealed class BatchUploadTests(IngestHost host) : IClassFixture<IngestHost>
{
    [Fact]
    public async Task A_multi_tune_ABC_file_becomes_one_score_per_tune_with_the_uploaders_metadata()
    {
        var file = TestScores.Sample("reels.abc");

        var batch = await host.UploadBatchAsync("reels.abc", file, ("type", "reel"), ("collection", "Nottingham"));

        Assert.Equal(12, batch.Stored);
        Assert.Equal(0, batch.Errors);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"reels.abc#{i}"), batch.Items.Select(i => i.Source));
        Assert.Equal(12, batch.Items.Select(i => i.Id).Distinct().Count());

        var tunes = new List<string>();
        foreach (var item in batch.Items)
        {
            var message = await host.Probe.WaitForAsync<ScoreIngested>(m => m.ScoreId == item.Id);
            Assert.Equal("reel", message.Metadata.Type);
            Assert.Equal("Nottingham", message.Metadata.Collection);
            var text = Encoding.UTF8.GetString(message.Content);
            Assert.StartsWith("X:", text);
            // Each stored tune reads on its own as exactly one tune of the file.
            var parsed = Assert.Single(Clamp.Music.Abc.AbcParser.ParseFile(text));
            Assert.True(parsed.Succeeded, parsed.Error?.Message);
            tunes.Add(parsed.Tune!.Metadata.Title!);
        }
        var expectedTitles = Clamp.Music.Abc.AbcParser.ParseFile(ScoreTextDecoder.Decode(file)).Select(t => t.Tune!.Metadata.Title!);
        Assert.Equal(expectedTitles, tunes);
    }

    [Fact]
    public async Task A_zip_gives_one_score_per_entry_and_tune_and_reports_what_it_could_not_take()
    {
        var single = TestScores.UniqueTune();
        var zip = TestScores.Zip(
            ("set/jigs.abc", TestScores.Sample("jigs.abc")),
            ("one.abc", single),
            ("copy-of-one.abc", single),
            ("song.mid", "MThd\0\0\0\u0006\0\0\0\u0001\0\u0060"u8.ToArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
            ("notes.pdf", "%PDF-1.7"u8.ToArray()),
            ("empty.abc", []),
            ("bomb.abc", new byte[10 * IngestHost.MaxUploadBytes]),
            ("__MACOSX/._one.abc", "resource fork"u8.ToArray()),
            ("folder/", []));

        var batch = await host.UploadBatchAsync("upload.zip", zip);

        var bySource = batch.Items.ToDictionary(i => i.Source);
        Assert.Equal(12, bySource.Keys.Count(k => k.StartsWith("set/jigs.abc#", StringComparison.Ordinal)));
        Assert.False(bySource["one.abc"].Duplicate);
        Assert.True(bySource["copy-of-one.abc"].Duplicate);
        Assert.Equal(bySource["one.abc"].Id, bySource["copy-of-one.abc"].Id);
        Assert.NotNull(bySource["song.mid"].Id);
        Assert.Equal("batch.unknown-format", bySource["notes.pdf"].Error?.Code);
        Assert.Equal("upload.empty", bySource["empty.abc"].Error?.Code);
        Assert.Equal("batch.entry-too-large", bySource["bomb.abc"].Error?.Code);
        Assert.DoesNotContain(batch.Items, i => i.Source.Contains("MACOSX") || i.Source == "folder/");
        Assert.Equal((14, 1, 3), (batch.Stored, batch.Duplicates, batch.Errors));

        var midi = await host.GetScoreAsync(bySource["song.mid"].Id!.Value);
        Assert.Equal(ScoreFormat.Midi, midi!.Format);
        Assert.Equal("song.mid", midi.FileName);
    }

    [Fact]
    public async Task A_zip_with_more_entries_than_allowed_is_refused_whole()
    {
        var entries = Enumerable.Range(0, IngestHost.MaxBatchItems + 1).Select(i => ($"{i}.abc", TestScores.UniqueTune())).ToArray();
        var before = await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores");

        var response = await host.Client.PostAsync("v1/scores:batch", IngestHost.Form("many.zip", TestScores.Zip(entries)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("batch.too-many-items", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores"));
    }

    [Fact]
    public async Task A_zip_that_unpacks_to_more_than_the_batch_limit_stores_what_fits_and_refuses_the_rest()
    {
        // Six entries just under the entry limit: four fit in the batch limit (4 x the entry limit), two do not.
        var entries = Enumerable.Range(0, 6).Select(i => ($"{i}.abc", Padded(TestScores.UniqueTune(), IngestHost.MaxUploadBytes - 100))).ToArray();

        var batch = await host.UploadBatchAsync("large.zip", TestScores.Zip(entries));

        Assert.Equal(4, batch.Stored);
        Assert.Equal(["batch.too-large", "batch.too-large"], batch.Items.Skip(4).Select(i => i.Error?.Code));
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_but_claims_to_be_one_is_refused_with_its_reason()
    {
        var response = await host.Client.PostAsync("v1/scores:batch", IngestHost.Form("broken.zip", "PK\u0003\u0004 then nothing"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("batch.bad-zip", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_multi_tune_file_whose_header_would_be_copied_many_times_over_is_one_error_item_and_stores_nothing()
    {
        // 19 KB of header shared by 25 tunes: cut with the header in front of each, over 20 times the file's size.
        var file = BatchExpansionLimitTests.MultiTuneFile(headerBytes: 19_000, tunes: 25);
        var before = await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores");

        var batch = await host.UploadBatchAsync("header.abc", file);

        var item = Assert.Single(batch.Items);
        Assert.Equal("batch.header-too-large", item.Error?.Code);
        Assert.Equal((0, 1), (batch.Stored, batch.Errors));
        Assert.Equal(before, await host.QueryAsync<long>("SELECT count(*) FROM ingest.scores"));
    }

    /// <summary>The tune followed by a comment line that brings it to <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(byte[] tune, int size) =>
        tune.Concat(Encoding.ASCII.GetBytes("%" + new string('x', size - tune.Length - 2) + "\n")).ToArray();
}
