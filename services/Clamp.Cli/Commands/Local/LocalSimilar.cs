using Clamp.Cli.Commands.Connection;

namespace Clamp.Cli.Commands.Local;

/// <summary><c>clamp similar FILE DIR</c>: the tunes of a directory nearest to a score file, with no server.</summary>
public static class LocalSimilar
{
    public static int Run(LocalRequest request, string file, string directory)
    {
        var subject = LocalScoreFile.Require(file);
        var root = ScoreTree.Require(directory);
        using var model = LocalModelOption.Load(request.ModelDirectory);
        var vector = LocalScoreFile.Embed(model, subject);
        var index = LocalDirectoryIndex.Update(model, root, request.Error);
        var hits = LocalHit.Nearest(index.Tunes, vector, request.K);
        LocalHitsOutput.Write(request, $"similar to {file} in {directory} (model {model.Manifest.DisplayName}):", hits, index);
        return ExitCodes.Success;
    }
}
