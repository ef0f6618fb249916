using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Clamp.Torch.Model;

/// <summary>
/// The whole trainable CLaMP model: music encoder, text projection, learned temperature (as a log logit scale,
/// initialised to ln(1/0.07)) and the masked-music-model head (hidden -> the characters of a patch).
/// </summary>
public sealed class ClampModel : nn.Module
{
    public const double MaxLogitScale = 4.6052; // ln(100), as in CLIP

    private readonly MusicEncoder music;
    private readonly TextProjection text;
    private readonly Parameter logitScale;
    private readonly Linear patchDecoder;

    public ClampModel(ModelConfig config, long seed) : base(nameof(ClampModel))
    {
        config.Validate();
        Config = config;
        random.manual_seed(seed);
        music = new MusicEncoder(config);
        text = new TextProjection(config);
        logitScale = nn.Parameter(tensor(Math.Log(1 / 0.07), ScalarType.Float32));
        patchDecoder = nn.Linear(config.Hidden, config.PatchLength * config.VocabularySize);
        RegisterComponents();
    }

    public ModelConfig Config { get; }
    public MusicEncoder Music => music;
    public TextProjection Text => text;
    public Parameter LogitScale => logitScale;

    /// <summary>The masked-music-model head: patch states [n, hidden] -> character logits [n, patchLength, vocabulary].</summary>
    public Tensor DecodePatches(Tensor states)
    {
        using var logits = patchDecoder.forward(states);
        return logits.reshape(states.shape[0], Config.PatchLength, Config.VocabularySize);
    }

    /// <summary>The parameters trained in the contrastive stage (the MLM head is left out).</summary>
    public IEnumerable<Parameter> ContrastiveParameters() =>
        music.parameters().Concat(text.parameters()).Append(logitScale);

    /// <summary>The parameters trained in the masked-music-model stage.</summary>
    public IEnumerable<Parameter> MaskedModelParameters() => music.parameters().Concat(patchDecoder.parameters());
}
