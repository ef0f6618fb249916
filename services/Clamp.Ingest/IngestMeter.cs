namespace Clamp.Ingest;

/// <summary>The ingest service's meter (exported at /metrics with every "Clamp.*" meter).</summary>
internal static class IngestMeter
{
    public const string Name = "Clamp.Ingest";
}
