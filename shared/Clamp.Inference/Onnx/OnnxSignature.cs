using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Clamp.Inference.Onnx;

/// <summary>
/// Checks that a session's inputs and outputs are what a manifest promises: names, element types, ranks and the
/// fixed sizes (a dimension the graph leaves dynamic, -1, matches any size).
/// </summary>
public sealed class OnnxSignature(InferenceSession session, string fileName)
{
    /// <summary>An expected dimension that must be dynamic in the graph (the batch axis).</summary>
    public const int Dynamic = -1;

    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public OnnxSignature Input(string name, TensorElementType type, params int?[] dims) =>
        Check(session.InputMetadata, "input", name, type, dims);

    public OnnxSignature Output(string name, TensorElementType type, params int?[] dims) =>
        Check(session.OutputMetadata, "output", name, type, dims);

    private OnnxSignature Check(
        IReadOnlyDictionary<string, NodeMetadata> nodes, string kind, string name, TensorElementType type, int?[] expected)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            _problems.Add($"{fileName} has no {kind} '{name}' (it has {string.Join(", ", nodes.Keys)})");
            return this;
        }

        if (!node.IsTensor || node.ElementDataType != type)
        {
            _problems.Add($"{fileName} {kind} '{name}' is {node.ElementDataType}, expected {type}");
        }

        var actual = node.Dimensions;
        if (actual.Length != expected.Length)
        {
            _problems.Add($"{fileName} {kind} '{name}' has rank {actual.Length}, expected {expected.Length}");
            return this;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] == Dynamic && actual[i] >= 0)
            {
                _problems.Add($"{fileName} {kind} '{name}' dimension {i} is fixed at {actual[i]}; it must be dynamic to batch");
            }
            else if (expected[i] is int size && size != Dynamic && actual[i] >= 0 && actual[i] != size)
            {
                _problems.Add($"{fileName} {kind} '{name}' dimension {i} is {actual[i]}, expected {size}");
            }
        }

        return this;
    }
}
