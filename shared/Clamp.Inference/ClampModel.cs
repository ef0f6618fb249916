using Clamp.Inference.Encoders;
using Clamp.Inference.Manifest;
using Clamp.Inference.Onnx;
using Clamp.Inference.Text;
using Clamp.Music.Patching;
using Microsoft.ML.OnnxRuntime;

namespace Clamp.Inference;

/// <summary>
/// One model version loaded from its directory (docs/model-format.md): the validated manifest, the music encoder
/// and the text tower, on the session factory's execution provider.
/// </summary>
public sealed class ClampModel : IDisposable
{
    private readonly MiniLmSentenceEncoder? _ownedSentences;

    private ClampModel(string directory, ModelManifest manifest, ExecutionProviderChoice provider,
        MusicEncoder music, TextEncoder text, MiniLmSentenceEncoder? ownedSentences)
    {
        Directory = directory;
        Manifest = manifest;
        Provider = provider;
        Music = music;
        Text = text;
        _ownedSentences = ownedSentences;
    }

    public string Directory { get; }

    public ModelManifest Manifest { get; }

    public PatchScheme PatchScheme => BarPatcher.ParseScheme(Manifest.PatchScheme);

    public ExecutionProviderChoice Provider { get; }

    public MusicEncoder Music { get; }

    public TextEncoder Text { get; }

    /// <summary>
    /// Loads and validates a model directory; throws <see cref="ModelFormatException"/> naming every problem.
    /// <paramref name="sharedSentences"/> (all-MiniLM-L6-v2, owned by the caller) is used when its token limit
    /// matches the manifest's; otherwise the model creates its own.
    /// </summary>
    public static ClampModel Load(string directory, OnnxSessionFactory sessions, MiniLmSentenceEncoder? sharedSentences = null)
    {
        var manifest = ModelManifestFile.Read(directory);
        var disposables = new List<IDisposable>();
        try
        {
            var music = new MusicEncoder(Open(sessions, directory, manifest.Music.File, disposables), manifest, directory);
            var projection = new TextProjection(Open(sessions, directory, manifest.Text.File, disposables), manifest, directory);
            MiniLmSentenceEncoder? owned = null;
            if (sharedSentences?.Tokenizer.MaxTokens != manifest.Text.MaxTokens)
            {
                using var options = sessions.CreateSessionOptions();
                owned = new MiniLmSentenceEncoder(MiniLmResources.Default, options, manifest.Text.MaxTokens);
            }

            var sentences = owned ?? sharedSentences!;
            return new ClampModel(directory, manifest, sessions.Provider, music, new TextEncoder(sentences, projection), owned);
        }
        catch
        {
            disposables.ForEach(d => d.Dispose());
            throw;
        }
    }

    /// <summary>Runs one small input through each tower, so that the first real request does not pay for
    /// ONNX Runtime's lazy initialisation; returns the embeddings (their size is checked by the encoders).</summary>
    public (float[] Music, float[] Text) WarmUp()
    {
        var patches = new byte[2 * Manifest.PatchLength];
        patches[0] = PatchVocabulary.IdOf('|');
        patches.AsSpan(Manifest.PatchLength).Fill(PatchVocabulary.EndOfPatch);
        var music = Music.Encode([new PatchSequence(patches, Manifest.PatchLength)])[0];
        var text = Text.Encode(["a warm-up sentence"])[0];
        return (music, text);
    }

    public void Dispose()
    {
        Music.Dispose();
        Text.Dispose();
        _ownedSentences?.Dispose();
    }

    private static InferenceSession Open(OnnxSessionFactory sessions, string directory, string file, List<IDisposable> disposables)
    {
        try
        {
            var session = sessions.Create(Path.Combine(directory, file));
            disposables.Add(session);
            return session;
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelFormatException(directory, [$"{file} cannot be opened by ONNX Runtime: {ex.Message}"], ex);
        }
    }
}
