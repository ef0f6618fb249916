using System.Diagnostics;
using Clamp.VectorStore.Tests.Support;

namespace Clamp.Platform.IntegrationTests;

/// <summary>
/// The local scripts write every state file that holds a password or a key (env.sh, keys.sh, rabbitmq.conf,
/// PostgreSQL's password file) through <c>write_private</c> of deploy/local/common.sh: readable by its owner only,
/// also when it replaces a file that was open to all. (The scripts are bash for Debian and Ubuntu.)
/// </summary>
[Trait("Suite", "Hostile")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LocalStateFilesTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("clamp-state-").FullName;

    [Fact]
    public async Task Write_private_leaves_a_file_only_its_owner_reads_even_over_one_that_was_open()
    {
        var file = Path.Combine(directory, "env.sh");
        await File.WriteAllTextAsync(file, "old");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await BashAsync($". '{RepositoryPaths.Of("deploy", "local", "common.sh")}' && printf 'export SECRET=s3cret\\n' | write_private '{file}'");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal("export SECRET=s3cret\n", await File.ReadAllTextAsync(file));
        Assert.Equal([file], Directory.GetFiles(directory));
    }

    private static async Task BashAsync(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
