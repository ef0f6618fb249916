namespace Clamp.Inference.Text;

/// <summary>Turns sentences into L2-normalised sentence embeddings (the frozen base of the text tower).</summary>
public interface ISentenceEncoder
{
    /// <summary>The size of one embedding (384 for all-MiniLM-L6-v2).</summary>
    int Dimension { get; }

    /// <summary>One L2-normalised embedding per text, in order.</summary>
    float[][] Encode(IReadOnlyList<string> texts);
}
