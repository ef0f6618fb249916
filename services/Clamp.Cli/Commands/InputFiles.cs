using Clamp.Cli.Commands.Connection;

namespace Clamp.Cli.Commands;

/// <summary>Reads an input file; one that is missing or unreadable is a <see cref="CliFailure"/> with exit code 5.</summary>
public static class InputFiles
{
    public static async Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
    }

    public static CliFailure Unreadable(string path, Exception e) => new(ExitCodes.UnreadableInput, $"cannot read {path}: {Reason(e)}");

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
