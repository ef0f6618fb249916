using Clamp.Inference.Onnx;
using Microsoft.Extensions.Options;

namespace Clamp.Embedding.Diagnostics;

/// <summary>Logs, at start-up, the execution provider the sessions run on and why, with the thread settings.</summary>
public sealed partial class ExecutionProviderReport(OnnxSessionFactory sessions, IOptions<EmbeddingOptions> options, ILogger<ExecutionProviderReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogProvider(sessions.Provider.Name, sessions.Provider.Reason, options.Value.IntraOpThreads, options.Value.InterOpThreads, options.Value.ModelsPath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Execution provider {Provider} ({Reason}); intra-op threads {IntraOpThreads}, inter-op threads {InterOpThreads} (0 = default); models path {ModelsPath}")]
    private partial void LogProvider(string provider, string reason, int intraOpThreads, int interOpThreads, string modelsPath);
}
