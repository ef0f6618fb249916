using System.Text;
using Clamp.Contracts.Messages;
using Clamp.Ingest.Uploads;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Tests;

/// <summary>
/// The batch limits hold while a batch is expanded, before anything is built: a multi-tune ABC file's tune count and
/// its size with the header copied into every tune are measured first, so a large header shared by thousands of
/// tunes, or more tunes than the batch allows, costs about the upload's own size in memory, not header × tunes.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class BatchExpansionLimitTests
{
    [Fact]
    public void A_header_copied_into_thousands_of_tunes_is_refused_before_any_tune_text_is_made()
    {
        // 200 KB of header and 2,000 tunes: cut as they were, 400 MB of tune texts.
        var content = MultiTuneFile(headerBytes: 200_000, tunes: 2_000);
        var expander = Expander(new IngestOptions());

        IReadOnlyList<BatchItem> items = [];
        var allocated = AllocatedBy(() => items = expander.Expand(Upload("collection.abc", content)));

        var item = Assert.Single(items);
        Assert.Equal("batch.header-too-large", item.Error?.Code);
        Assert.Contains("2,000 tunes", item.Error!.Message);
        Assert.InRange(allocated, 0, 32L * content.Length);
    }

    [Fact]
    public void More_tunes_than_the_batch_allows_are_refused_before_any_tune_text_is_made()
    {
        var content = MultiTuneFile(headerBytes: 20_000, tunes: 1_000);
        var expander = Expander(new IngestOptions { MaxBatchItems = 100, MaxAbcExpansionFactor = 1_000 });

        UploadException? refused = null;
        var allocated = AllocatedBy(() => refused = Assert.Throws<UploadException>(() => expander.Expand(Upload("many.abc", content))));

        Assert.Equal("batch.too-many-items", refused!.Code);
        Assert.InRange(allocated, 0, 32L * content.Length);
    }

    [Fact]
    public void The_tunes_of_a_zip_entry_cannot_take_the_room_of_the_entries_after_it()
    {
        var zip = TestScores.Zip(("set.abc", MultiTuneFile(headerBytes: 0, tunes: 20)), ("one.abc", TestScores.UniqueTune()), ("two.abc", TestScores.UniqueTune()));

        var fits = Expander(new IngestOptions { MaxBatchItems = 22 }).Expand(Upload("batch.zip", zip));
        var refused = Assert.Throws<UploadException>(() => Expander(new IngestOptions { MaxBatchItems = 21 }).Expand(Upload("batch.zip", zip)));

        Assert.Equal(22, fits.Count(item => item.Score is not null));
        Assert.Equal("batch.too-many-items", refused.Code);
    }

    [Fact]
    public void Tunes_that_with_their_header_exceed_what_is_left_of_the_batch_bytes_are_one_error_item()
    {
        var content = MultiTuneFile(headerBytes: 2_000, tunes: 20);
        var expander = Expander(new IngestOptions { MaxBatchUncompressedBytes = content.Length * 2L, MaxAbcExpansionFactor = 1_000 });

        var item = Assert.Single(expander.Expand(Upload("set.abc", content)));

        Assert.Equal("batch.too-large", item.Error?.Code);
    }

    [Fact]
    public void A_usual_collection_with_a_short_header_is_cut_into_its_tunes_each_with_the_header()
    {
        var content = MultiTuneFile(headerBytes: 200, tunes: 50);

        var items = Expander(new IngestOptions()).Expand(Upload("set.abc", content));

        Assert.Equal(50, items.Count(item => item.Score is not null));
        Assert.All(items, item => Assert.StartsWith("%", Encoding.UTF8.GetString(item.Score!.Content)));
    }

    /// <summary>A header of comment lines and <paramref name="tunes"/> short tunes.</summary>
    internal static byte[] MultiTuneFile(int headerBytes, int tunes)
    {
        var text = new StringBuilder();
        while (text.Length < headerBytes)
            text.Append("% a header line that every tune gets\n");
        text.Append('\n');
        for (var i = 1; i <= tunes; i++)
            text.Append($"X:{i}\nT:Tune {i}\nM:6/8\nK:G\nGAB cde|\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static BatchExpander Expander(IngestOptions options) => new(Options.Create(options));

    private static UploadedFile Upload(string name, byte[] content) => new(name, content, new ScoreMetadata());

    private static long AllocatedBy(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
