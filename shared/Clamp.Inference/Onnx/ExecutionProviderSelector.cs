using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Clamp.Inference.Onnx;

/// <summary>
/// Picks CUDA when an NVIDIA device node exists, the CUDA runtime loads and ONNX Runtime accepts the CUDA
/// provider; the CPU otherwise (or fails, when CUDA is required).
/// </summary>
public static class ExecutionProviderSelector
{
    private static readonly string[] CudaRuntimeNames = ["libcudart.so.12", "libcudart.so.13", "libcudart.so"];

    public static ExecutionProviderChoice Choose(InferenceOptions options)
    {
        if (options.Provider == ExecutionProviderPreference.Cpu)
        {
            return new ExecutionProviderChoice(ExecutionProviderChoice.CpuName, "CPU requested by configuration");
        }

        var cudaProblem = CudaProblem(options.CudaDeviceId);
        if (cudaProblem is null)
        {
            return new ExecutionProviderChoice(ExecutionProviderChoice.CudaName, $"CUDA device {options.CudaDeviceId} available");
        }

        if (options.Provider == ExecutionProviderPreference.Cuda)
        {
            throw new InvalidOperationException($"The CUDA execution provider was required but cannot be used: {cudaProblem}.");
        }

        return new ExecutionProviderChoice(ExecutionProviderChoice.CpuName, $"CUDA unavailable ({cudaProblem}), using the CPU");
    }

    /// <summary>Why CUDA cannot be used, or null when it can.</summary>
    private static string? CudaProblem(int deviceId)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/nvidiactl"))
        {
            return "no NVIDIA device: /dev/nvidiactl is absent";
        }

        if (!CudaRuntimeNames.Any(name => NativeLibrary.TryLoad(name, out _)))
        {
            return "the CUDA runtime (libcudart) cannot be loaded";
        }

        try
        {
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(deviceId);
            return null;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return $"ONNX Runtime refused the CUDA provider: {ex.Message}";
        }
    }
}
