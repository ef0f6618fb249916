using System.Globalization;

namespace Clamp.Embedding.Benchmarks;

/// <summary>
/// The CPU's peak FP32 rate: cores x clock x FLOPs per cycle, where FLOPs per cycle = SIMD lanes (16 with AVX-512,
/// 8 with AVX2) x 2 (fused multiply-add) x FMA units per core (2 on server cores with two 512-bit FMA ports).
/// Read from /proc/cpuinfo; the clock is the reported "cpu MHz" (the nominal clock on a virtual machine).
/// </summary>
public sealed record CpuPeak(string Model, int Cores, double Gigahertz, int Lanes, int FmaUnits)
{
    public double GflopsPerSecond => Cores * Gigahertz * Lanes * 2 * FmaUnits;

    public static CpuPeak Read(int fmaUnits = 2)
    {
        var lines = File.Exists("/proc/cpuinfo") ? File.ReadAllLines("/proc/cpuinfo") : [];
        string? Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var flags = (Field("flags") ?? "").Split(' ');
        var megahertz = double.TryParse(Field("cpu MHz"), CultureInfo.InvariantCulture, out var mhz) ? mhz : 0;
        var lanes = flags.Contains("avx512f") ? 16 : flags.Contains("avx2") ? 8 : 4;
        return new CpuPeak(Field("model name") ?? "unknown", Environment.ProcessorCount, megahertz / 1000, lanes, fmaUnits);
    }

    public override string ToString() =>
        $"{Model}: {Cores} cores x {Gigahertz:F2} GHz x {Lanes} lanes x 2 (FMA) x {FmaUnits} FMA units = {GflopsPerSecond:F1} GFLOP/s FP32 peak";
}
