using System.Text;

namespace Clamp.Cli.Commands;

/// <summary>Files or standard streams, by the usual '-' convention.</summary>
public static class CliStreams
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static StreamReader OpenInput(string path) =>
        path == "-" ? new StreamReader(Console.OpenStandardInput(), Utf8) : new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true);

    public static Stream OpenOutput(string path) =>
        path == "-" ? new BufferedStream(Console.OpenStandardOutput(), 1 << 16) : File.Create(path, 1 << 16);
}
