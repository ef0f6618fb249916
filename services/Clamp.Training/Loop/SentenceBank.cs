using System.Security.Cryptography;
using System.Text;
using Clamp.Inference.Text;

namespace Clamp.Training.Loop;

/// <summary>
/// The frozen text tower's sentence embeddings of every text a run needs (text-dropout variants, dev queries, label
/// prompts), computed once on ONNX Runtime and cached on disk under a hash of the texts.
/// </summary>
public sealed class SentenceBank
{
    private readonly Dictionary<string, float[]> _embeddings;

    private SentenceBank(Dictionary<string, float[]> embeddings) => _embeddings = embeddings;

    public float[] this[string text] => _embeddings[text];

    public static SentenceBank Build(IEnumerable<string> texts, ISentenceEncoder encoder, string cacheDirectory, Action<int, int>? progress = null)
    {
        var distinct = texts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cache = Path.Combine(cacheDirectory, $"sentences-{Hash(distinct)}.bin");
        var vectors = File.Exists(cache) ? Load(cache, distinct.Count, encoder.Dimension) : Encode(distinct, encoder, cache, progress);
        return new SentenceBank(distinct.Zip(vectors).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }

    private static float[][] Encode(List<string> texts, ISentenceEncoder encoder, string cache, Action<int, int>? progress)
    {
        // Encoded in order of length, so that the encoder's batches are padded little.
        const int Chunk = 512;
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += Chunk)
        {
            var chunk = order.AsSpan(start, Math.Min(Chunk, order.Length - start)).ToArray();
            var encoded = encoder.Encode(chunk.Select(i => texts[i]).ToList());
            for (var j = 0; j < chunk.Length; j++)
            {
                vectors[chunk[j]] = encoded[j];
            }

            progress?.Invoke(start + chunk.Length, texts.Count);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
        using (var writer = new BinaryWriter(File.Create(cache + ".tmp")))
        {
            foreach (var value in vectors.SelectMany(v => v))
            {
                writer.Write(value);
            }
        }

        File.Move(cache + ".tmp", cache, overwrite: true);
        return vectors;
    }

    private static float[][] Load(string cache, int count, int dimension)
    {
        using var reader = new BinaryReader(File.OpenRead(cache));
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimension).Select(_ => reader.ReadSingle()).ToArray()).ToArray();
    }

    private static string Hash(List<string> texts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', texts))))[..16].ToLowerInvariant();
}
