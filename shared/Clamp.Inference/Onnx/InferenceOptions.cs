namespace Clamp.Inference.Onnx;

/// <summary>Which ONNX Runtime execution provider to use.</summary>
public enum ExecutionProviderPreference
{
    /// <summary>CUDA when a GPU and its libraries are present, otherwise the CPU.</summary>
    Auto,
    Cpu,
    /// <summary>CUDA or fail.</summary>
    Cuda,
}

/// <summary>How ONNX Runtime sessions are created.</summary>
public sealed record InferenceOptions
{
    public ExecutionProviderPreference Provider { get; init; } = ExecutionProviderPreference.Auto;
    /// <summary>Threads of one operator (0 = ONNX Runtime's default: one per physical core).</summary>
    public int IntraOpThreads { get; init; }
    /// <summary>Threads across independent operators (0 = ONNX Runtime's default).</summary>
    public int InterOpThreads { get; init; }
    public int CudaDeviceId { get; init; }
    /// <summary>Whether idle intra-op threads spin before sleeping (ONNX Runtime's default): lower latency on a
    /// dedicated machine, wasted cores on a shared one.</summary>
    public bool AllowSpinning { get; init; } = true;
}
