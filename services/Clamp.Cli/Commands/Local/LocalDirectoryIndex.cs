using Clamp.Inference;

namespace Clamp.Cli.Commands.Local;

/// <summary>Brings a directory's index up to date with the model (<see cref="LocalIndexer"/>) and says what it did on stderr.</summary>
public static class LocalDirectoryIndex
{
    public static LocalIndex Update(ClampModel model, string root, TextWriter error)
    {
        var index = new LocalIndexer(model, error).Update(root);
        LocalIndexReport.Write(error, root, index, model.Manifest.DisplayName);
        return index;
    }
}
