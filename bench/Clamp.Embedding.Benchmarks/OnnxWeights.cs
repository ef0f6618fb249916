using Google.Protobuf;
using Onnx;

namespace Clamp.Embedding.Benchmarks;

/// <summary>The initializers of an ONNX file, by name, as float or int64 arrays with their shapes.</summary>
public sealed class OnnxWeights
{
    private readonly Dictionary<string, TensorProto> _tensors;

    private OnnxWeights(ModelProto model) => _tensors = model.Graph.Initializer.ToDictionary(t => t.Name);

    public static OnnxWeights Read(string path) => new(ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)));

    public bool Has(string name) => _tensors.ContainsKey(name);

    public long[] Shape(string name) => Tensor(name).Dims.ToArray();

    public float[] Floats(string name)
    {
        var tensor = Tensor(name);
        return tensor.RawData.IsEmpty ? tensor.FloatData.ToArray() : Cast<float>(tensor.RawData);
    }

    /// <summary>The int64 initializers of the given length (graph constants such as reshape targets).</summary>
    public IEnumerable<long[]> LongVectors(int length) => _tensors.Values
        .Where(t => t.DataType == (int)TensorProto.Types.DataType.Int64 && t.Dims.Count == 1 && t.Dims[0] == length)
        .Select(t => t.RawData.IsEmpty ? t.Int64Data.ToArray() : Cast<long>(t.RawData));

    private TensorProto Tensor(string name) =>
        _tensors.TryGetValue(name, out var tensor) ? tensor : throw new InvalidDataException($"The ONNX file has no initializer '{name}'.");

    private static T[] Cast<T>(ByteString raw) where T : struct =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(raw.Span).ToArray();
}
