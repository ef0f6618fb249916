using System.Text.Json.Nodes;

namespace Clamp.Cli.Tests.Support;

/// <summary>The <c>--json</c> contract: the last line printed is one JSON object.</summary>
public static class JsonLastLine
{
    public static JsonObject Of(string output) =>
        JsonNode.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last())!.AsObject();
}
