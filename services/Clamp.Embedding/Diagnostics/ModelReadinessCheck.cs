using Clamp.Embedding.Models;
using Clamp.Inference.Onnx;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clamp.Embedding.Diagnostics;

/// <summary>
/// Ready once a model version is loaded and warmed up. The details name the execution provider (and why it was
/// chosen), the versions served, the default one, and the model directories refused with their reasons.
/// </summary>
public sealed class ModelReadinessCheck(ModelRegistry registry, OnnxSessionFactory sessions) : IHealthCheck
{
    public const string Name = "models";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var models = registry.Models;
        var data = new Dictionary<string, object>
        {
            ["executionProvider"] = sessions.Provider.Name,
            ["executionProviderReason"] = sessions.Provider.Reason,
            ["models"] = models.Select(m => $"{m.ModelId}@{m.Version}").ToArray(),
            ["defaultVersion"] = registry.Default?.Version ?? "",
            ["refused"] = registry.Failures.ToDictionary(f => f.Key, f => f.Value.Error),
        };
        var result = models.Count > 0
            ? HealthCheckResult.Healthy($"{models.Count} model version(s) served on {sessions.Provider.Name}", data)
            : HealthCheckResult.Unhealthy("No model is loaded and warmed up yet", data: data);
        return Task.FromResult(result);
    }
}
