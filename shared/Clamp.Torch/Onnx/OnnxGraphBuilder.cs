using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Clamp.Torch.Onnx;

/// <summary>
/// A small helper to write ONNX graphs by hand (TorchSharp has no exporter): named inputs and outputs,
/// float/int64 initializers, and nodes of the default domain whose outputs get unique names.
/// </summary>
public sealed class OnnxGraphBuilder
{
    public const int Opset = 17;
    private const long IrVersion = 8;

    private readonly GraphProto _graph;
    private int _counter;

    public OnnxGraphBuilder(string name) => _graph = new GraphProto { Name = name };

    public string Input(string name, TensorProto.Types.DataType type, params object[] shape)
    {
        _graph.Input.Add(ValueInfo(name, type, shape));
        return name;
    }

    public void Output(string name, TensorProto.Types.DataType type, params object[] shape) =>
        _graph.Output.Add(ValueInfo(name, type, shape));

    public string Floats(string name, float[] values, params long[] dims) =>
        Initializer(name, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    public string Longs(string name, long[] values, params long[] dims) =>
        Initializer(name, TensorProto.Types.DataType.Int64, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    /// <summary>A float scalar constant.</summary>
    public string Scalar(float value) => Floats(Unique("const"), [value]);

    /// <summary>A 1-D int64 constant (axes, shapes, indices).</summary>
    public string Vector(params long[] values) => Longs(Unique("const"), values, values.Length);

    /// <summary>Adds a node with one output and returns the output's name (or <paramref name="output"/> when given).</summary>
    public string Node(string opType, string[] inputs, string? output = null, params AttributeProto[] attributes)
    {
        output ??= Unique(opType.ToLowerInvariant());
        var node = new NodeProto { OpType = opType, Name = Unique("node_" + opType) };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return output;
    }

    /// <summary>A one-element float tensor attribute (ConstantOfShape's value).</summary>
    public static AttributeProto FloatTensor(string name, float value)
    {
        var tensor = new TensorProto { DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(BitConverter.GetBytes(value)) };
        tensor.Dims.Add(1);
        return new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Tensor, T = tensor };
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public ModelProto Build(string producer)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = producer,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return model;
    }

    public byte[] ToBytes(string producer) => Build(producer).ToByteArray();

    private string Initializer(string name, TensorProto.Types.DataType type, byte[] raw, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A unique name for a constant or node output starting with <paramref name="prefix"/>.</summary>
    public string Name(string prefix) => Unique(prefix);

    private string Unique(string prefix) => $"{prefix}_{_counter++}";

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, object[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var dim in shape)
        {
            tensorShape.Dim.Add(dim switch
            {
                string param => new TensorShapeProto.Types.Dimension { DimParam = param },
                int value => new TensorShapeProto.Types.Dimension { DimValue = value },
                long value => new TensorShapeProto.Types.Dimension { DimValue = value },
                _ => throw new ArgumentException($"A dimension is a name or a size, not {dim}."),
            });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }
}
