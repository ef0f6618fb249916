using BenchmarkDotNet.Running;
using Clamp.Benchmarks;

if (args is ["cpu"])
{
    CpuThroughput.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
