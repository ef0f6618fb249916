using System.ComponentModel.DataAnnotations;
using Clamp.Inference.Batching;
using Clamp.Inference.Onnx;

namespace Clamp.Embedding;

/// <summary>The "Embedding" configuration section (environment: Embedding__ModelsPath …).</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embedding";

    /// <summary>A model directory, or a folder of model directories (one per version); watched for new versions.</summary>
    [Required] public string ModelsPath { get; set; } = "models";

    /// <summary>The version served when a request names none; empty = the newest loaded version.</summary>
    public string? DefaultVersion { get; set; }

    public ExecutionProviderPreference Provider { get; set; } = ExecutionProviderPreference.Auto;

    /// <summary>ONNX Runtime threads per operator (0 = one per core). With 1, <see cref="BatchConcurrency"/> runs at
    /// once use the cores instead (better on an oversubscribed machine; see docs/embedding.md).</summary>
    [Range(0, 1024)] public int IntraOpThreads { get; set; }

    [Range(0, 1024)] public int InterOpThreads { get; set; }

    [Range(0, 64)] public int CudaDeviceId { get; set; }

    /// <summary>The most padded patches (scores x longest score) in one music batch.</summary>
    [Range(1, 1 << 24)] public int MusicPatchBudget { get; set; } = 2048;

    /// <summary>The most padded tokens (texts x longest text) in one text batch.</summary>
    [Range(1, 1 << 24)] public int TextTokenBudget { get; set; } = 8192;

    /// <summary>How long the first item of a batch waits for others.</summary>
    [Range(0, 10_000)] public int MaxBatchWaitMs { get; set; } = 5;

    [Range(1, 100_000)] public int MaxBatchItems { get; set; } = 256;

    /// <summary>The most scores (or texts) waiting for a batch or running, per model version and modality. A gRPC call
    /// that would queue more is refused with RESOURCE_EXHAUSTED (and counted in clamp.embedding.failures, code
    /// queue.full); the queue consumer waits for room instead, its own intake being bounded by its prefetch.</summary>
    [Range(1, 1_000_000)] public int MaxQueuedItems { get; set; } = 8192;

    /// <summary>How many batches' worth of queued items are sorted by length and planned together.</summary>
    [Range(1, 64)] public int BatchWindow { get; set; } = 4;

    /// <summary>What one more batch costs, in padded patches or tokens, weighed by the length bucketing against padding
    /// (0 = by provider: <see cref="BatchPlanner.BatchOverheadFor"/>).</summary>
    [Range(0, 1 << 24)] public int BatchOverhead { get; set; }

    public int EffectiveBatchOverhead(bool cuda) => BatchOverhead > 0 ? BatchOverhead : BatchPlanner.BatchOverheadFor(cuda);

    /// <summary>Batches run at the same time per model and modality (0 = on the CPU, the cores divided by
    /// <see cref="IntraOpThreads"/>; on CUDA, 1).</summary>
    [Range(0, 256)] public int BatchConcurrency { get; set; }

    public int EffectiveBatchConcurrency(bool cuda)
    {
        if (BatchConcurrency > 0)
        {
            return BatchConcurrency;
        }

        return cuda || IntraOpThreads == 0 ? 1 : Math.Max(1, Environment.ProcessorCount / IntraOpThreads);
    }

    /// <summary>"Score patched" messages fetched ahead from RabbitMQ.</summary>
    [Range(1, 10_000)] public int Prefetch { get; set; } = 128;

    /// <summary>The most "score patched" messages in one consumer batch.</summary>
    [Range(1, 10_000)] public int ConsumerBatchSize { get; set; } = 32;

    /// <summary>How long a consumer batch waits to fill.</summary>
    [Range(1, 60_000)] public int ConsumerBatchTimeLimitMs { get; set; } = 50;

    /// <summary>Consumer batches handled at the same time (their scores meet in the dynamic batcher).</summary>
    [Range(1, 256)] public int ConsumerConcurrency { get; set; } = 4;

    /// <summary>Redeliveries of a consumer batch that failed for a reason other than its input.</summary>
    [Range(0, 20)] public int RetryCount { get; set; } = 3;

    /// <summary>How long a consumer waits for a model to be loaded before it gives the messages back.</summary>
    [Range(1, 3600)] public int ModelWaitSeconds { get; set; } = 60;

    /// <summary>How often the models root is scanned for new, changed or removed versions.</summary>
    [Range(1, 3600)] public int ReloadPollSeconds { get; set; } = 10;

    public InferenceOptions ToInferenceOptions() => new()
    {
        Provider = Provider,
        IntraOpThreads = IntraOpThreads,
        InterOpThreads = InterOpThreads,
        CudaDeviceId = CudaDeviceId,
    };
}
