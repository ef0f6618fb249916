namespace Clamp.Cli.Tests;

public class UsageAndHelpTests
{
    [Theory]
    [InlineData("upload", "--no-wait")]
    [InlineData("status", "--api-key")]
    [InlineData("search", "--json")]
    [InlineData("classify", "--labels")]
    [InlineData("similar", "--address")]
    [InlineData("patch", "--scheme")]
    [InlineData("convert", "--music-only")]
    [InlineData("eval", "search")]
    [InlineData("embed", "--out")]
    public async Task Every_command_has_help(string command, string mentioned)
    {
        var (exitCode, output, _) = await ClampProcess.RunAsync(null, command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(mentioned, output);
    }

    [Fact]
    public async Task The_root_help_documents_the_exit_codes_and_where_settings_come_from()
    {
        var (exitCode, output, _) = await ClampProcess.RunAsync(null, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("3 server unreachable", output);
        Assert.Contains("4 API key refused", output);
        Assert.Contains("5 input unreadable", output);
        Assert.Contains("CLAMP_CONFIG", output);
    }

    [Fact]
    public async Task Training_is_not_a_CLI_command_and_the_help_says_whose_it_is()
    {
        var (helpExit, help, _) = await ClampProcess.RunAsync(null, "--help");
        var (trainExit, _, error) = await ClampProcess.RunAsync(null, "train", "--layers", "2");

        Assert.Equal(0, helpExit);
        Assert.Contains("services/Clamp.Training", help);
        Assert.Equal(2, trainExit);
        Assert.StartsWith("clamp: ", error);
    }

    [Theory]
    [InlineData("status", "not-a-guid")]
    [InlineData("search")]
    [InlineData("upload", "dir", "--timeout", "0")]
    [InlineData("classify", "--labels", "a,b")]
    [InlineData("no-such-command")]
    public async Task A_command_line_that_does_not_parse_exits_2_with_the_reason_on_stderr(params string[] args)
    {
        var (exitCode, output, error) = await ClampProcess.RunAsync(null, args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("clamp: ", error);
        Assert.Contains("--help", error);
    }
}
