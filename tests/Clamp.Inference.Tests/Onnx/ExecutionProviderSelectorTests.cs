using Clamp.Inference.Onnx;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Inference.Tests.Onnx;

public sealed class ExecutionProviderSelectorTests
{
    [Fact]
    public void Cpu_is_used_when_configured()
    {
        var choice = ExecutionProviderSelector.Choose(new InferenceOptions { Provider = ExecutionProviderPreference.Cpu });

        Assert.Equal(ExecutionProviderChoice.CpuName, choice.Name);
        Assert.Equal("CPU requested by configuration", choice.Reason);
    }

    [NoGpuFact]
    public void Auto_falls_back_to_the_cpu_and_says_why_when_there_is_no_gpu()
    {
        var choice = ExecutionProviderSelector.Choose(new InferenceOptions());

        Assert.Equal(ExecutionProviderChoice.CpuName, choice.Name);
        Assert.Contains("/dev/nvidiactl is absent", choice.Reason);
    }

    [NoGpuFact]
    public void Requiring_cuda_without_a_gpu_fails_clearly()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ExecutionProviderSelector.Choose(new InferenceOptions { Provider = ExecutionProviderPreference.Cuda }));

        Assert.StartsWith("The CUDA execution provider was required but cannot be used", error.Message);
    }

    [Fact]
    public void The_factory_applies_thread_counts_to_its_sessions()
    {
        var factory = new OnnxSessionFactory(new InferenceOptions { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1, InterOpThreads = 1 });

        using var options = factory.CreateSessionOptions();

        Assert.Equal(1, options.IntraOpNumThreads);
        Assert.Equal(1, options.InterOpNumThreads);
        Assert.Equal(ExecutionProviderChoice.CpuName, factory.Provider.Name);
    }
}
