using Clamp.Music.Patching;

namespace Clamp.Evaluation;

/// <summary>A CLaMP model as evaluation sees it: scores and texts to normalised embeddings in one space.</summary>
public interface IEmbeddingModel
{
    float[][] EmbedMusic(IReadOnlyList<PatchSequence> scores);

    float[][] EmbedText(IReadOnlyList<string> texts);
}
