using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Clamp.Torch.Onnx;

/// <summary>The TorchSharp layers of the model written as ONNX subgraphs, with their weights as initializers.</summary>
public sealed class OnnxLayers(OnnxGraphBuilder graph)
{
    public OnnxGraphBuilder Graph => graph;

    /// <summary>x W^T + b of a torch Linear layer.</summary>
    public string Linear(string x, Linear layer, string name)
    {
        var weight = graph.Floats(name + ".weight_t", Values(layer.weight!.t()), layer.weight!.shape[1], layer.weight!.shape[0]);
        var product = graph.Node("MatMul", [x, weight]);
        return layer.bias is null ? product : graph.Node("Add", [product, graph.Floats(name + ".bias", Values(layer.bias), layer.bias.shape[0])]);
    }

    public string LayerNorm(string x, LayerNorm layer, string name)
    {
        var scale = graph.Floats(name + ".weight", Values(layer.weight!), layer.weight!.shape[0]);
        var bias = graph.Floats(name + ".bias", Values(layer.bias!), layer.bias!.shape[0]);
        return graph.Node("LayerNormalization", [x, scale, bias], null,
            OnnxGraphBuilder.Int("axis", -1), OnnxGraphBuilder.Float("epsilon", (float)layer.eps));
    }

    /// <summary>The exact (erf) GELU: 0.5 x (1 + erf(x / sqrt 2)).</summary>
    public string Gelu(string x)
    {
        var erf = graph.Node("Erf", [graph.Node("Div", [x, graph.Scalar(MathF.Sqrt(2))])]);
        return graph.Node("Mul", [graph.Node("Mul", [x, graph.Scalar(0.5f)]), graph.Node("Add", [erf, graph.Scalar(1f)])]);
    }

    /// <summary>x / max(||x||, eps) along the last axis, written to <paramref name="output"/>.</summary>
    public string L2Normalize(string x, float epsilon, string output)
    {
        var squares = graph.Node("ReduceSum", [graph.Node("Mul", [x, x]), graph.Vector(-1)], null, OnnxGraphBuilder.Int("keepdims", 1));
        var norm = graph.Node("Max", [graph.Node("Sqrt", [squares]), graph.Scalar(epsilon)]);
        return graph.Node("Div", [x, norm], output);
    }

    public static float[] Values(Tensor tensor)
    {
        using var contiguous = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return contiguous.data<float>().ToArray();
    }
}
