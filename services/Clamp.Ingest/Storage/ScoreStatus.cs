namespace Clamp.Ingest.Storage;

/// <summary>
/// Where a score is in the pipeline. The numeric value is the rank: a status only ever moves to a higher rank,
/// so late, reordered or repeated messages change nothing. Failed ranks below Indexed: a score that is searchable
/// (for some model version) is shown as indexed even if another stage or version failed.
/// </summary>
public enum ScoreStatus
{
    Received = 0,
    Patched = 1,
    Failed = 2,
    Indexed = 3,
}

internal static class ScoreStatusNames
{
    public static string Name(this ScoreStatus status) => status.ToString().ToLowerInvariant();

    public static ScoreStatus Parse(string name) => Enum.Parse<ScoreStatus>(name, ignoreCase: true);
}
