using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Clamp.Benchmarks;

/// <summary>How many characters (about bytes, ABC being ASCII) a benchmark method processes per call.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProcessesAttribute(Type source, string member) : Attribute
{
    public long Bytes => (long)source.GetProperty(member, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}

/// <summary>A summary column of megabytes per second, from <see cref="ProcessesAttribute"/> and the mean time.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Megabytes (10^6) of input per second, one thread";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var processes = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ProcessesAttribute>();
        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return processes is null || meanNanoseconds is not > 0 ? "-" : $"{processes.Bytes / meanNanoseconds.Value * 1e3:N1}";
    }
}
