using Clamp.Torch.Model;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Clamp.Torch.Onnx;

/// <summary>
/// Writes <see cref="TextProjection"/> as ONNX: input <c>sentence_embedding</c> float32 [batch, 384] (the
/// all-MiniLM-L6-v2 sentence embedding), output <c>embedding</c> float32 [batch, embeddingDim], L2-normalised.
/// </summary>
public static class TextProjectionExporter
{
    public const string InputName = "sentence_embedding";
    public const string OutputName = "embedding";

    public static byte[] Export(TextProjection projection, ModelConfig config)
    {
        var graph = new OnnxGraphBuilder("clamp_text_projection");
        var layers = new OnnxLayers(graph);
        var input = graph.Input(InputName, DataType.Float, "batch", config.TextBaseDim);
        graph.Output(OutputName, DataType.Float, "batch", config.EmbeddingDim);
        layers.L2Normalize(layers.Linear(input, projection.Projection, "projection"), Normalization.Epsilon, OutputName);
        return graph.ToBytes("Clamp.Training");
    }
}
