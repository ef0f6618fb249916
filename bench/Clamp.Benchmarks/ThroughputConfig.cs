using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Clamp.Benchmarks;

/// <summary>A short job (the build machine is shared) with the MB/s column.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddJob(Job.ShortRun);
        AddColumn(new ThroughputColumn());
    }
}
