namespace Clamp.Inference.Onnx;

/// <summary>The execution provider sessions run on, and why it was chosen.</summary>
public sealed record ExecutionProviderChoice(string Name, string Reason)
{
    public const string CpuName = "CPU";
    public const string CudaName = "CUDA";

    public bool IsCuda => Name == CudaName;
}
