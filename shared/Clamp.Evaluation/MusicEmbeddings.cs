using Clamp.Music.Patching;

namespace Clamp.Evaluation;

/// <summary>Embeds the readable scores of a list in one batched call; unreadable (null) scores stay null.</summary>
public static class MusicEmbeddings
{
    public static float[]?[] Of(IEmbeddingModel model, IReadOnlyList<PatchSequence?> scores)
    {
        var readable = Enumerable.Range(0, scores.Count).Where(i => scores[i] is not null).ToList();
        var embeddings = model.EmbedMusic(readable.Select(i => scores[i]!).ToList());
        var result = new float[]?[scores.Count];
        for (var k = 0; k < readable.Count; k++)
        {
            result[readable[k]] = embeddings[k];
        }

        return result;
    }
}
