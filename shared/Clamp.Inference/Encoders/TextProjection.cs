using Clamp.Inference.Manifest;
using Clamp.Inference.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Clamp.Inference.Encoders;

/// <summary>Runs <c>text_projection.onnx</c>: sentence embeddings [batch, baseDim] to L2-normalised [batch, embeddingDim]. Thread-safe.</summary>
public sealed class TextProjection : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public TextProjection(InferenceSession session, ModelManifest manifest, string modelDirectory)
    {
        var text = manifest.Text;
        var signature = new OnnxSignature(session, text.File)
            .Input(text.Input, TensorElementType.Float, OnnxSignature.Dynamic, text.BaseDim)
            .Output(text.Output, TensorElementType.Float, OnnxSignature.Dynamic, manifest.EmbeddingDim);
        if (signature.Problems.Count > 0)
        {
            throw new ModelFormatException(modelDirectory, signature.Problems);
        }

        _session = session;
        _inputNames = [text.Input];
        _outputNames = [text.Output];
        BaseDim = text.BaseDim;
        EmbeddingDim = manifest.EmbeddingDim;
    }

    public int BaseDim { get; }

    public int EmbeddingDim { get; }

    public float[][] Project(IReadOnlyList<float[]> sentenceEmbeddings)
    {
        if (sentenceEmbeddings.Count == 0)
        {
            return [];
        }

        var rows = sentenceEmbeddings.Count;
        var input = new float[rows * BaseDim];
        for (var r = 0; r < rows; r++)
        {
            if (sentenceEmbeddings[r].Length != BaseDim)
            {
                throw new ArgumentException($"Sentence embedding {r} has {sentenceEmbeddings[r].Length} values, expected {BaseDim}.", nameof(sentenceEmbeddings));
            }

            sentenceEmbeddings[r].CopyTo(input, r * BaseDim);
        }

        using var value = OrtValue.CreateTensorValueFromMemory(input, [rows, BaseDim]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames, [value], _outputNames);
        return EmbeddingRows.Split(outputs[0], rows, EmbeddingDim);
    }

    public void Dispose() => _session.Dispose();
}
