using System.Text.Json;

namespace Clamp.Client;

/// <summary>A score's status from the ingest API (received, patched, indexed or failed) and, when failed, why.</summary>
public sealed record ScoreStatus(string Status, string? FailureReason)
{
    public const string Indexed = "indexed";
    public const string Failed = "failed";

    public bool IsFinal => Status is Indexed or Failed;

    /// <summary>Reads <c>{status, failure: {stage, code, reason}}</c>; the reason reads "stage code: reason".</summary>
    public static ScoreStatus From(JsonElement score)
    {
        var status = score.TryGetProperty("status", out var value) ? value.GetString() ?? "" : "";
        string? reason = null;
        if (score.TryGetProperty("failure", out var failure) && failure.ValueKind == JsonValueKind.Object)
            reason = $"{Text(failure, "stage")} {Text(failure, "code")}: {Text(failure, "reason")}".Trim();
        return new ScoreStatus(status, reason);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
