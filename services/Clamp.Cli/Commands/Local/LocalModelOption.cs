using System.CommandLine;
using Clamp.Cli.Commands.Connection;
using Clamp.Inference;
using Clamp.Inference.Manifest;
using Clamp.Inference.Onnx;

namespace Clamp.Cli.Commands.Local;

/// <summary>
/// <c>--model DIR</c> of the local commands: the model directory to embed with, by default the
/// <c>models/clamp-small</c> copied next to the CLI binary.
/// </summary>
public static class LocalModelOption
{
    public static readonly string DefaultDirectory = Path.Combine(AppContext.BaseDirectory, "models", "clamp-small");

    public static Option<string> Create() => new("--model")
    {
        Description = "Local mode: the model directory (manifest.json and two ONNX files); the bundled clamp-small by default.",
        DefaultValueFactory = _ => DefaultDirectory,
    };

    /// <summary>Loads the model; a missing directory is exit code 5, a broken one exit code 1.</summary>
    public static ClampModel Load(string directory)
    {
        if (!File.Exists(Path.Combine(directory, ModelManifest.FileName)))
            throw new CliFailure(ExitCodes.UnreadableInput, $"cannot read model {directory}: no {ModelManifest.FileName} there");
        try
        {
            return ClampModel.Load(directory, new OnnxSessionFactory(new InferenceOptions()));
        }
        catch (ModelFormatException e)
        {
            throw new CliFailure(ExitCodes.Failed, e.Message);
        }
    }
}
