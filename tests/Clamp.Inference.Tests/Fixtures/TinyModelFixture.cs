using Clamp.Inference.Onnx;

namespace Clamp.Inference.Tests.Fixtures;

/// <summary>One tiny model directory, loaded once on the CPU (one thread) for the tests that share it.</summary>
public sealed class TinyModelFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public TinyModelFixture()
    {
        TinyClampModel.Write(_temp.Path);
        Sessions = new OnnxSessionFactory(new InferenceOptions { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 });
        Model = ClampModel.Load(_temp.Path, Sessions);
    }

    public OnnxSessionFactory Sessions { get; }

    public ClampModel Model { get; }

    public void Dispose()
    {
        Model.Dispose();
        _temp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TinyModelCollection : ICollectionFixture<TinyModelFixture>
{
    public const string Name = "tiny model";
}
