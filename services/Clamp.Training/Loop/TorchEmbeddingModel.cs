using Clamp.Evaluation;
using Clamp.Music.Patching;
using Clamp.Torch.Model;
using static TorchSharp.torch;

namespace Clamp.Training.Loop;

/// <summary>The model being trained, as an <see cref="IEmbeddingModel"/> (eval mode, no gradients).</summary>
public sealed class TorchEmbeddingModel(ClampModel model, Func<IReadOnlyList<string>, float[][]> sentences) : IEmbeddingModel
{
    private const int BatchSize = 32;

    public float[][] EmbedMusic(IReadOnlyList<PatchSequence> scores)
    {
        var result = new float[scores.Count][];
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i].Count).ToArray();
        using var noGrad = no_grad();
        model.eval();
        foreach (var chunk in order.Chunk(BatchSize))
        {
            using var scope = NewDisposeScope();
            using var batch = PatchBatch.Create(chunk.Select(i => scores[i]).ToList(), model.Config.MaxPatches);
            var embeddings = model.Music.forward(batch.Patches, batch.Mask);
            var rows = Rows(embeddings);
            for (var j = 0; j < chunk.Length; j++)
            {
                result[chunk[j]] = rows[j];
            }
        }

        return result;
    }

    public float[][] EmbedText(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        using var noGrad = no_grad();
        model.eval();
        using var scope = NewDisposeScope();
        var base384 = sentences(texts);
        var input = tensor(base384.SelectMany(v => v).ToArray(), [texts.Count, base384[0].Length]);
        return Rows(model.Text.forward(input));
    }

    private static float[][] Rows(Tensor matrix)
    {
        var width = (int)matrix.shape[1];
        var data = matrix.data<float>().ToArray();
        return Enumerable.Range(0, (int)matrix.shape[0]).Select(r => data.AsSpan(r * width, width).ToArray()).ToArray();
    }
}
