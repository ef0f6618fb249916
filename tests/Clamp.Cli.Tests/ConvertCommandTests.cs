namespace Clamp.Cli.Tests;

public class ConvertCommandTests
{
    [Fact]
    public async Task Abc_file_is_printed_as_abc()
    {
        var path = ClampProcess.Sample("oneills-0001-0005.abc");

        var (exitCode, output, _) = await ClampProcess.RunAsync(null, "convert", path);

        Assert.Equal(0, exitCode);
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Music_only_prints_each_tune_without_its_metadata()
    {
        var (exitCode, output, _) = await ClampProcess.RunAsync(null, "convert", ClampProcess.Sample("oneills-0001-0005.abc"), "--music-only");

        Assert.Equal(0, exitCode);
        Assert.Equal(5, output.Split('\n').Count(l => l.StartsWith("K:", StringComparison.Ordinal)));
        Assert.DoesNotContain("T:", output);
        Assert.DoesNotContain("Paap", output);
        Assert.Contains("% tune 1: The Enchanted Valley", output);
    }

    [Theory]
    [InlineData("bwv67.4.xml")]
    [InlineData("pop909-001.mid")]
    public async Task MusicXml_and_midi_files_are_converted_to_abc(string sample)
    {
        var (exitCode, output, error) = await ClampProcess.RunAsync(null, "convert", ClampProcess.Sample(sample));

        Assert.True(exitCode == 0, error);
        Assert.Contains("\nK:", output);
        Assert.Contains("|", output);
    }

    [Fact]
    public async Task Metadata_prints_one_json_line_per_tune()
    {
        var (exitCode, output, _) = await ClampProcess.RunAsync(null, "convert", ClampProcess.Sample("oneills-0001-0005.abc"), "--metadata");

        Assert.Equal(0, exitCode);
        var tunes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!).ToList();
        Assert.Equal([1, 2, 3, 4, 5], tunes.Select(t => t["tune"]!.GetValue<int>()));
        Assert.Equal("The Enchanted Valley", tunes[0]["metadata"]!["title"]!.GetValue<string>());
        Assert.Equal("G minor", tunes[0]["metadata"]!["key"]!.GetValue<string>());
        Assert.Equal("2/4", tunes[0]["metadata"]!["meter"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unreadable_input_fails_with_its_reason()
    {
        var tooLarge = await ClampProcess.RunAsync(null, "convert", ClampProcess.Sample("oneills-0001-0005.abc"), "--max-bytes", "100");
        var missing = await ClampProcess.RunAsync(null, "convert", "no-such-file.abc");

        Assert.Equal(1, tooLarge.ExitCode);
        Assert.Contains("import.too-large", tooLarge.Error);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no such file", missing.Error);
    }
}
