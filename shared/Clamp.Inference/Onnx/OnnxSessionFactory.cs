using Microsoft.ML.OnnxRuntime;

namespace Clamp.Inference.Onnx;

/// <summary>
/// Creates ONNX Runtime sessions on one execution provider, chosen once (<see cref="ExecutionProviderSelector"/>),
/// with the configured thread counts and full graph optimisation.
/// </summary>
public sealed class OnnxSessionFactory
{
    public OnnxSessionFactory(InferenceOptions options)
    {
        Options = options;
        Provider = ExecutionProviderSelector.Choose(options);
    }

    public InferenceOptions Options { get; }

    public ExecutionProviderChoice Provider { get; }

    /// <summary>Session options for one session (the caller owns them).</summary>
    public SessionOptions CreateSessionOptions()
    {
        var session = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        if (Options.IntraOpThreads > 0)
        {
            session.IntraOpNumThreads = Options.IntraOpThreads;
        }

        if (Options.InterOpThreads > 0)
        {
            session.InterOpNumThreads = Options.InterOpThreads;
        }

        if (!Options.AllowSpinning)
        {
            session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            session.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        }

        if (Provider.IsCuda)
        {
            session.AppendExecutionProvider_CUDA(Options.CudaDeviceId);
        }

        return session;
    }

    public InferenceSession Create(string modelPath)
    {
        using var options = CreateSessionOptions();
        return new InferenceSession(modelPath, options);
    }

    public InferenceSession Create(byte[] model)
    {
        using var options = CreateSessionOptions();
        return new InferenceSession(model, options);
    }
}
