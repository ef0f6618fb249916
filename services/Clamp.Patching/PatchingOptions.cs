using System.ComponentModel.DataAnnotations;

namespace Clamp.Patching;

/// <summary>How scores are patched, bound from the "Patching" section (environment: Patching__Scheme …).</summary>
public sealed class PatchingOptions
{
    public const string Section = "Patching";

    /// <summary>Patch scheme name, as in a model manifest: "clamp1" or "line-bars".</summary>
    [Required] public string Scheme { get; set; } = "clamp1";

    /// <summary>Most patches per score (the end-of-sequence patch included); longer scores are cut.</summary>
    [Range(2, 100_000)] public int MaxPatches { get; set; } = 512;

    /// <summary>Scores patched at once by one instance.</summary>
    [Range(1, 1_024)] public int ConcurrentMessageLimit { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Queue names start with this, so no other service's consumer of ScoreIngested shares the queue.</summary>
    [Required] public string EndpointPrefix { get; set; } = "patching";
}
