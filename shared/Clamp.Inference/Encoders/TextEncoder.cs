using Clamp.Inference.Batching;
using Clamp.Inference.Text;

namespace Clamp.Inference.Encoders;

/// <summary>
/// The text tower: all-MiniLM-L6-v2 sentence embeddings (<see cref="MiniLmSentenceEncoder"/>) through the model's
/// trained projection, to L2-normalised embeddings in the music embedding space. Thread-safe.
/// </summary>
public sealed class TextEncoder(MiniLmSentenceEncoder sentences, TextProjection projection) : IDisposable
{
    public int EmbeddingDim => projection.EmbeddingDim;

    /// <summary>The tokens a text costs in a batch ([CLS] and [SEP] included, cut to the tokenizer's maximum).</summary>
    public int CostOf(string text) => sentences.Tokenizer.Encode(text).Count;

    /// <summary>One embedding per text, in order (the caller sizes the batch).</summary>
    public float[][] Encode(IReadOnlyList<string> texts) =>
        texts.Count == 0 ? [] : projection.Project(sentences.Encode(texts));

    /// <summary>Embeds any number of texts, sorted by token count and cut into batches of at most
    /// <paramref name="tokenBudget"/> padded tokens. Results in input order.</summary>
    public float[][] EncodeMany(IReadOnlyList<string> texts, int tokenBudget) =>
        BatchPlanner.Run(texts, CostOf, tokenBudget, Encode);

    /// <summary>Disposes the projection only: the sentence encoder may be shared by several models.</summary>
    public void Dispose() => projection.Dispose();
}
