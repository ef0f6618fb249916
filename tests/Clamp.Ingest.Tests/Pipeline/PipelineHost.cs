using Clamp.Patching;
using Clamp.Testing;
using Microsoft.AspNetCore.Builder;

namespace Clamp.Ingest.Tests.Pipeline;

/// <summary>
/// The ingest service and the real patching service on one database and virtual host: scores go from upload to
/// "patched" (or "failed" with the reader's reason) through RabbitMQ. Retries keep the services' defaults
/// (exponential, about 11 s in all), which ride out a broker or database restart.
/// </summary>
public sealed class PipelineHost : IngestHost
{
    public const int BatchLimit = 100;
    private WebApplication? _patching;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartPatchingAsync();
    }

    protected override void Configure(Dictionary<string, string?> configuration)
    {
        foreach (var key in configuration.Keys.Where(k => k.StartsWith("Messaging:Retry:", StringComparison.Ordinal)).ToList())
            configuration.Remove(key);
        configuration["Ingest:MaxBatchItems"] = BatchLimit.ToString();
        configuration["Ingest:MaxUploadBytes"] = (1024 * 1024).ToString();
        configuration["Ingest:RequestBurst"] = "10000";
        configuration["Ingest:RequestsPerMinute"] = "60000";
        // One message at a time per consumer, so stopping the patching service leaves most of a batch unacknowledged.
        configuration["RabbitMq:PrefetchCount"] = "1";
        configuration["Patching:ConcurrentMessageLimit"] = "1";
    }

    public async Task StartPatchingAsync()
    {
        _patching = PatchingApp.Build(["--urls", $"http://127.0.0.1:{FreeTcpPort.Next()}"], Configuration());
        await _patching.StartAsync();
    }

    public async Task StopPatchingAsync()
    {
        if (_patching is null)
            return;
        await _patching.StopAsync();
        await _patching.DisposeAsync();
        _patching = null;
    }

    public async Task<long> CountAsync(string status) =>
        await QueryAsync<long>("SELECT count(*) FROM ingest.scores WHERE status = $1", status);

    public override async Task DisposeAsync()
    {
        await StopPatchingAsync();
        await base.DisposeAsync();
    }
}
