using Clamp.Cli.Tests.Support;
using Clamp.Testing;

namespace Clamp.Cli.Tests;

/// <summary>Where the platform commands find the server and key: options beat environment beat config file beat defaults.</summary>
public sealed class PlatformSettingsTests(PlatformHost platform) : IClassFixture<PlatformHost>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("clamp-cli-config-").FullName;
    private readonly string nowhere = $"http://127.0.0.1:{FreeTcpPort.Next()}";

    /// <summary>Status of a fresh id: 1 (404) when the server answers with the key accepted, 4 refused, 3 unreachable.</summary>
    private Task<(int ExitCode, string Output, string Error)> StatusAsync(Dictionary<string, string?> environment, params string[] options) =>
        ClampProcess.RunWithEnvironmentAsync(environment, ["status", Guid.NewGuid().ToString(), .. options]);

    private string Config(string json)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private string GoodConfig() => Config($$"""{"ingestUrl": "{{platform.IngestUrl}}", "apiKey": "{{PlatformHost.ApiKey}}"}""");

    [Fact]
    public async Task The_config_file_named_by_CLAMP_CONFIG_gives_the_server_and_key()
    {
        var result = await StatusAsync(new() { ["CLAMP_CONFIG"] = GoodConfig() });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{platform.IngestUrl}v1/scores/", result.Error);
        Assert.Contains(": 404 ", result.Error);
    }

    [Fact]
    public async Task The_default_config_file_is_read_from_the_config_home()
    {
        var home = Path.Combine(directory, "home");
        Directory.CreateDirectory(Path.Combine(home, "clamp"));
        File.Copy(GoodConfig(), Path.Combine(home, "clamp", "config.json"));

        var result = await StatusAsync(new() { ["XDG_CONFIG_HOME"] = home });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{platform.IngestUrl}v1/scores/", result.Error);
    }

    [Fact]
    public async Task The_environment_beats_the_config_file_and_an_option_beats_the_environment()
    {
        var wrongKeyInEnvironment = new Dictionary<string, string?> { ["CLAMP_CONFIG"] = GoodConfig(), ["CLAMP_API_KEY"] = "wrong-key" };
        var unreachableInFile = new Dictionary<string, string?>
        {
            ["CLAMP_CONFIG"] = Config($$"""{"ingestUrl": "{{nowhere}}", "apiKey": "{{PlatformHost.ApiKey}}"}"""),
            ["CLAMP_INGEST_URL"] = platform.IngestUrl.ToString(),
        };

        var environmentKey = await StatusAsync(wrongKeyInEnvironment);
        var optionKey = await StatusAsync(wrongKeyInEnvironment, "--api-key", PlatformHost.ApiKey);
        var environmentUrl = await StatusAsync(unreachableInFile);
        var optionUrl = await StatusAsync(unreachableInFile, "--ingest-url", nowhere);

        Assert.Equal(4, environmentKey.ExitCode);
        Assert.Equal(1, optionKey.ExitCode);
        Assert.Equal(1, environmentUrl.ExitCode);
        Assert.Equal(3, optionUrl.ExitCode);
    }

    [Fact]
    public async Task Without_options_environment_or_file_the_local_platform_defaults_are_used()
    {
        var result = await StatusAsync(new());

        Assert.Contains(result.ExitCode, new[] { 1, 3, 4 });
        Assert.Contains("127.0.0.1:5180", result.Error);
    }

    [Fact]
    public async Task A_config_file_that_is_not_json_or_missing_is_a_usage_error()
    {
        var notJson = await StatusAsync(new() { ["CLAMP_CONFIG"] = Config("ingestUrl = nowhere") });
        var missing = await StatusAsync(new() { ["CLAMP_CONFIG"] = Path.Combine(directory, "missing.json") });

        Assert.Equal(2, notJson.ExitCode);
        Assert.StartsWith("clamp: config file ", notJson.Error);
        Assert.Equal(2, missing.ExitCode);
        Assert.EndsWith("missing.json: no such file", missing.Error.Trim());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
