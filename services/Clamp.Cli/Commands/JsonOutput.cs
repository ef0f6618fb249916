using System.CommandLine;
using System.Text.Json;

namespace Clamp.Cli.Commands;

/// <summary>The <c>--json</c> switch of the commands scripts use: the last line printed is one JSON object.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Option<bool> CreateOption() => new("--json") { Description = "Print one JSON object (the last line of output), for scripts." };

    public static void Write(TextWriter output, object value) => output.WriteLine(JsonSerializer.Serialize(value, Json));
}
