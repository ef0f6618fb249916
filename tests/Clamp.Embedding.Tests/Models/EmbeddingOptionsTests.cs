namespace Clamp.Embedding.Tests.Models;

/// <summary>The batching settings that depend on the execution provider (docs/embedding.md, "Configuration").</summary>
public sealed class EmbeddingOptionsTests
{
    [Theory]
    [InlineData(false, 64)]
    [InlineData(true, 2048)]
    public void The_batch_overhead_follows_the_provider_unless_configured(bool cuda, int expected)
    {
        Assert.Equal(expected, new EmbeddingOptions().EffectiveBatchOverhead(cuda));
        Assert.Equal(500, new EmbeddingOptions { BatchOverhead = 500 }.EffectiveBatchOverhead(cuda));
    }

    [Fact]
    public void Batches_run_one_at_a_time_on_cuda_and_per_core_with_single_threaded_sessions_on_the_cpu()
    {
        Assert.Equal(1, new EmbeddingOptions { IntraOpThreads = 1 }.EffectiveBatchConcurrency(cuda: true));
        Assert.Equal(1, new EmbeddingOptions().EffectiveBatchConcurrency(cuda: false));
        Assert.Equal(Math.Max(1, Environment.ProcessorCount), new EmbeddingOptions { IntraOpThreads = 1 }.EffectiveBatchConcurrency(cuda: false));
        Assert.Equal(3, new EmbeddingOptions { BatchConcurrency = 3 }.EffectiveBatchConcurrency(cuda: true));
    }
}
