using Clamp.Inference.Onnx;
using Microsoft.Extensions.Options;

namespace Clamp.Embedding.Diagnostics;

/// <summary>Logs, at start-up, the execution provider the sessions run on and why, with the thread settings.</summary>
public sealed partial class ExecutionProviderReport(OnnxSessionFactory sessions, IOptions<EmbeddingOptions> options, ILogger<ExecutionProviderReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        LogProvider(sessions.Provider.Name, sessions.Provider.Reason, o.IntraOpThreads, o.InterOpThreads,
            o.EffectiveBatchConcurrency(sessions.Provider.IsCuda), o.MusicPatchBudget, o.TextTokenBudget,
            o.EffectiveBatchOverhead(sessions.Provider.IsCuda), o.ModelsPath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Execution provider {Provider} ({Reason}); intra-op threads {IntraOpThreads}, inter-op threads {InterOpThreads} (0 = default), {BatchConcurrency} batches at once; budgets {MusicPatchBudget} patches / {TextTokenBudget} tokens, batch overhead {BatchOverhead}; models path {ModelsPath}")]
    private partial void LogProvider(string provider, string reason, int intraOpThreads, int interOpThreads, int batchConcurrency,
        int musicPatchBudget, int textTokenBudget, int batchOverhead, string modelsPath);
}
