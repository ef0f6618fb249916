using System.Runtime.InteropServices;

namespace Clamp.Embedding.Benchmarks;

/// <summary>
/// An NVIDIA GPU's peak FP32 rate: multiprocessors x FP32 lanes per multiprocessor x 2 (fused multiply-add) x the
/// boost clock, read through the CUDA driver API (libcuda.so.1, present wherever the driver is). Lanes per
/// multiprocessor follow the compute capability (64 on 6.0, 7.x and 8.0; 128 on 6.1, 8.6, 8.9, 9.0 and later).
/// </summary>
public sealed record GpuPeak(string Name, int Multiprocessors, int Lanes, double Gigahertz, string ComputeCapability)
{
    private const int MultiprocessorCountAttribute = 16;
    private const int ClockRateAttribute = 13;
    private const int ComputeCapabilityMajorAttribute = 75;
    private const int ComputeCapabilityMinorAttribute = 76;

    public double GflopsPerSecond => Multiprocessors * Lanes * 2 * Gigahertz;

    public static GpuPeak Read(int deviceId)
    {
        Check(cuInit(0), "cuInit");
        Check(cuDeviceGet(out var device, deviceId), "cuDeviceGet");
        var name = new byte[256];
        Check(cuDeviceGetName(name, name.Length, device), "cuDeviceGetName");
        int Attribute(int attribute)
        {
            Check(cuDeviceGetAttribute(out var value, attribute, device), $"cuDeviceGetAttribute({attribute})");
            return value;
        }

        var (major, minor) = (Attribute(ComputeCapabilityMajorAttribute), Attribute(ComputeCapabilityMinorAttribute));
        var lanes = (major, minor) is (6, 0) or (7, _) or (8, 0) ? 64 : 128;
        return new GpuPeak(System.Text.Encoding.ASCII.GetString(name).TrimEnd('\0'), Attribute(MultiprocessorCountAttribute),
            lanes, Attribute(ClockRateAttribute) / 1e6, $"{major}.{minor}");
    }

    public override string ToString() =>
        $"{Name} (compute capability {ComputeCapability}): {Multiprocessors} multiprocessors x {Lanes} FP32 lanes x 2 (FMA) x {Gigahertz:F2} GHz = {GflopsPerSecond / 1000:F1} TFLOP/s FP32 peak";

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{call} failed with CUDA driver error {result}.");
        }
    }

    [DllImport("libcuda.so.1")]
    private static extern int cuInit(uint flags);

    [DllImport("libcuda.so.1")]
    private static extern int cuDeviceGet(out int device, int ordinal);

    [DllImport("libcuda.so.1")]
    private static extern int cuDeviceGetName(byte[] name, int length, int device);

    [DllImport("libcuda.so.1")]
    private static extern int cuDeviceGetAttribute(out int value, int attribute, int device);
}
