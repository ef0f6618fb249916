using System.CommandLine;
using System.Text.Json;
using Clamp.Client;
using Clamp.Cli.Commands.Connection;

namespace Clamp.Cli.Commands.Platform;

/// <summary><c>clamp status ID [--json]</c>: one score's status from the ingest API (<c>GET /v1/scores/{id}</c>).</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<Guid>("ID") { Description = "The score's id (as clamp upload or the ingest API gave it)." };
        var json = JsonOutput.CreateOption();
        var platform = new PlatformOptions();

        var command = new Command("status", "Show one score's ingest status (received, patched, indexed or failed, and why).") { id, json };
        platform.AddIngestTo(command);
        command.SetAction((result, cancellation) => CommandFailures.Run(result.InvocationConfiguration.Error, async () =>
        {
            using var connection = PlatformConnection.Open(platform.Settings(result), PlatformConnection.IngestTimeout);
            var score = await connection.Ingest.GetScoreAsync(result.GetValue(id), cancellation);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
                JsonOutput.Write(output, score);
            else
                Write(output, score);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Write(TextWriter output, JsonElement score)
    {
        var status = ScoreStatus.From(score);
        output.WriteLine($"{Text(score, "id")}: {status.Status}{(status.FailureReason is { } reason ? $" ({reason})" : "")}");
        output.WriteLine($"  file {Text(score, "fileName")} ({Text(score, "format")}), {Text(score, "patchCount")} patches");
        if (score.TryGetProperty("indexedModelVersions", out var versions) && versions.ValueKind == JsonValueKind.Array && versions.GetArrayLength() > 0)
            output.WriteLine($"  indexed by model versions {string.Join(", ", versions.EnumerateArray().Select(v => v.ToString()))}");
    }

    private static string Text(JsonElement score, string name) => score.TryGetProperty(name, out var value) ? value.ToString() : "";
}
