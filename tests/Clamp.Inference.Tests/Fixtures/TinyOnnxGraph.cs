using Google.Protobuf;
using Onnx;

namespace Clamp.Inference.Tests.Fixtures;

/// <summary>A small builder of ONNX graphs (opset 13) over OnnxSharp's protobuf types, for test models.</summary>
internal sealed class TinyOnnxGraph(string name)
{
    private const int Opset = 13;
    private const long IrVersion = 8;
    private readonly GraphProto _graph = new() { Name = name };
    private int _next;

    public TinyOnnxGraph Input(string inputName, TensorProto.Types.DataType type, params object[] dims)
    {
        _graph.Input.Add(ValueInfo(inputName, type, dims));
        return this;
    }

    public TinyOnnxGraph Output(string outputName, TensorProto.Types.DataType type, params object[] dims)
    {
        _graph.Output.Add(ValueInfo(outputName, type, dims));
        return this;
    }

    public string FloatTensor(float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = $"w{_next++}", DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public string LongTensor(params long[] values)
    {
        var tensor = new TensorProto { Name = $"c{_next++}", DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds a node and returns the name of its output (or <paramref name="output"/> when given).</summary>
    public string Node(string opType, string[] inputs, string? output = null, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"n{_next}", };
        node.Input.AddRange(inputs);
        node.Output.Add(output ?? $"t{_next++}");
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return node.Output[0];
    }

    public static AttributeProto Int(string attributeName, long value) =>
        new() { Name = attributeName, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public void Save(string path)
    {
        var model = new ModelProto { IrVersion = IrVersion, ProducerName = "Clamp.Inference.Tests", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        File.WriteAllBytes(path, model.ToByteArray());
    }

    private static ValueInfoProto ValueInfo(string valueName, TensorProto.Types.DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is string param
                ? new TensorShapeProto.Types.Dimension { DimParam = param }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim) });
        }

        return new ValueInfoProto
        {
            Name = valueName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
