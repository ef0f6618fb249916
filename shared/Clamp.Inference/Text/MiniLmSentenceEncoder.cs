using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Clamp.Inference.Text;

/// <summary>
/// all-MiniLM-L6-v2 on ONNX Runtime, exactly as sentence-transformers computes it: BERT tokens (max 128 with
/// [CLS]/[SEP]) -> token embeddings -> mean over the attention mask -> L2 normalisation. Thread-safe.
/// </summary>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    public const int EmbeddingDimension = 384;
    private const int BatchSize = 32;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string _outputName;
    private readonly bool _needsTokenTypes;

    public MiniLmSentenceEncoder(MiniLmResources resources, SessionOptions? options = null, int maxTokens = 128)
    {
        _tokenizer = new BertTokenizer(resources.Vocabulary, maxTokens);
        _session = options is null ? new InferenceSession(resources.Model) : new InferenceSession(resources.Model, options);
        _outputName = _session.OutputMetadata.Keys.First();
        _needsTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
    }

    /// <summary>The encoder over the resources next to the running application, on the CPU.</summary>
    public static MiniLmSentenceEncoder CreateDefault() => new(MiniLmResources.Default);

    public int Dimension => EmbeddingDimension;

    public BertTokenizer Tokenizer => _tokenizer;

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, texts.Count - start);
            var batch = EncodeBatch(Enumerable.Range(start, count).Select(i => texts[i]).ToList());
            batch.CopyTo(result, start);
        }

        return result;
    }

    private float[][] EncodeBatch(IReadOnlyList<string> texts)
    {
        var tokens = texts.Select(_tokenizer.Encode).ToList();
        var length = tokens.Max(t => t.Count);
        var ids = new DenseTensor<long>([texts.Count, length]);
        var mask = new DenseTensor<long>([texts.Count, length]);
        for (var b = 0; b < texts.Count; b++)
        {
            for (var t = 0; t < length; t++)
            {
                var real = t < tokens[b].Count;
                ids[b, t] = real ? tokens[b][t] : _tokenizer.PadId;
                mask[b, t] = real ? 1 : 0;
            }
        }

        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
        };
        if (_needsTokenTypes)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>([texts.Count, length])));
        }

        using var outputs = _session.Run(inputs, [_outputName]);
        var hidden = outputs[0].AsTensor<float>();
        return Enumerable.Range(0, texts.Count).Select(b => MeanPool(hidden, b, tokens[b].Count)).ToArray();
    }

    private static float[] MeanPool(Tensor<float> hidden, int row, int tokenCount)
    {
        var dimension = hidden.Dimensions[2];
        var pooled = new float[dimension];
        for (var t = 0; t < tokenCount; t++)
        {
            for (var d = 0; d < dimension; d++)
            {
                pooled[d] += hidden[row, t, d];
            }
        }

        var norm = 0.0;
        for (var d = 0; d < dimension; d++)
        {
            pooled[d] /= tokenCount;
            norm += pooled[d] * pooled[d];
        }

        var scale = (float)(1.0 / Math.Max(Math.Sqrt(norm), 1e-12));
        for (var d = 0; d < dimension; d++)
        {
            pooled[d] *= scale;
        }

        return pooled;
    }

    public void Dispose() => _session.Dispose();
}
