using Clamp.Embedding.Diagnostics;
using Clamp.Inference;
using Clamp.Inference.Onnx;
using Clamp.Inference.Text;
using Microsoft.Extensions.Options;

namespace Clamp.Embedding.Models;

/// <summary>Loads a model directory, validates it against its manifest, warms it up and wraps it in its batchers.</summary>
public sealed class ModelLoader(
    OnnxSessionFactory sessions,
    MiniLmSentenceEncoder sentences,
    IOptions<EmbeddingOptions> options,
    EmbeddingMetrics metrics)
{
    public ServedModel Load(string directory)
    {
        var stamp = ModelDirectoryStamp.Of(directory);
        var model = ClampModel.Load(directory, sessions, sentences);
        try
        {
            model.WarmUp();
            return new ServedModel(model, stamp, options.Value, metrics);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
