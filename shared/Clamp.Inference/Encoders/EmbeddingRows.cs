using Microsoft.ML.OnnxRuntime;

namespace Clamp.Inference.Encoders;

/// <summary>Copies a [rows, dim] float output of ONNX Runtime into one array per row.</summary>
internal static class EmbeddingRows
{
    public static float[][] Split(OrtValue output, int rows, int dim)
    {
        var shape = output.GetTensorTypeAndShape().Shape;
        if (shape.Length != 2 || shape[0] != rows || shape[1] != dim)
        {
            throw new InvalidOperationException($"The model returned shape [{string.Join(", ", shape)}], expected [{rows}, {dim}].");
        }

        var data = output.GetTensorDataAsSpan<float>();
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            result[r] = data.Slice(r * dim, dim).ToArray();
        }

        return result;
    }
}
