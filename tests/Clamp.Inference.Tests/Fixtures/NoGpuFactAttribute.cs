namespace Clamp.Inference.Tests.Fixtures;

/// <summary>A fact about the CPU fallback: skipped, with the reason, on a machine with an NVIDIA GPU.</summary>
public sealed class NoGpuFactAttribute : FactAttribute
{
    public NoGpuFactAttribute()
    {
        if (File.Exists("/dev/nvidiactl"))
        {
            Skip = "This machine has an NVIDIA GPU; the CPU fallback cannot be observed here.";
        }
    }
}
