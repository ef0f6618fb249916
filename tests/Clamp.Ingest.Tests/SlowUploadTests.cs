namespace Clamp.Ingest.Tests;

/// <summary>An upload that arrives slower than Ingest:MinUploadBytesPerSecond, after its grace period, is answered 408
/// (Kestrel's minimum data rate), long before the upload deadline.</summary>
[Trait("Suite", "Hostile")]
public sealed class SlowUploadTests(SlowUploadTests.Host host) : IClassFixture<SlowUploadTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override void Configure(Dictionary<string, string?> configuration)
        {
            configuration["Ingest:UploadTimeout"] = "00:10:00";
            configuration["Ingest:UploadGracePeriod"] = "00:00:02";
        }
    }

    [Fact]
    public async Task An_upload_slower_than_the_minimum_rate_is_answered_408()
    {
        var answer = await UploadLimitsTests.StalledUploadAsync(host.BaseAddress);

        Assert.StartsWith("HTTP/1.1 408", answer);
        Assert.Contains("upload.too-slow", answer);
    }
}
