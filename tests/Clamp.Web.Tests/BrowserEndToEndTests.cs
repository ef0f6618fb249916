using Clamp.Web.Tests.Support;
using Xunit.Abstractions;

namespace Clamp.Web.Tests;

/// <summary>
/// The page in headless Chromium against the real platform (Browser/e2e.mjs with playwright-core): upload by drag
/// and drop until indexed, a text search by keyboard that shows the score's notation as SVG, the score's page with
/// metadata and similar scores, playback that starts, classification with typed labels, and phone width.
/// Screenshots of each step are kept in artifacts/test-results/web/.
/// </summary>
[Collection(WebPlatformCollection.Name)]
public sealed class BrowserEndToEndTests(WebPlatform platform, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task A_person_uploads_finds_reads_plays_and_classifies_a_score_in_the_browser()
    {
        await BrowserTools.EnsurePackagesAsync();
        Directory.CreateDirectory(BrowserTools.ArtifactsDirectory);
        foreach (var old in Directory.GetFiles(BrowserTools.ArtifactsDirectory, "*.png"))
            File.Delete(old);

        var (exitCode, log) = await BrowserTools.RunAsync(BrowserTools.Node!,
            [
                "e2e.mjs",
                "--url", platform.WebUrl.ToString(),
                "--key", WebPlatform.ApiKey,
                "--file", SampleTunes.FilePath("slip-jigs.abc"),
                "--title", "Drops of Brandy",
                "--out", BrowserTools.ArtifactsDirectory,
                "--chromium", BrowserTools.Chromium!,
            ],
            BrowserTools.ScriptDirectory, TimeSpan.FromMinutes(8));
        output.WriteLine(log);

        Assert.True(exitCode == 0, $"the browser test failed (exit {exitCode}):\n{log}");
        foreach (var screenshot in new[] { "01-uploaded.png", "02-search-results.png", "03-score-playing.png", "04-classified.png", "05-phone-score.png", "06-phone-search.png" })
            Assert.True(new FileInfo(Path.Combine(BrowserTools.ArtifactsDirectory, screenshot)) is { Exists: true, Length: > 1000 }, $"{screenshot} was not written");
    }
}
