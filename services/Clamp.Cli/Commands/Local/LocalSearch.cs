using Clamp.Cli.Commands.Connection;

namespace Clamp.Cli.Commands.Local;

/// <summary><c>clamp search DIR "a slow air in D minor"</c>: text search over a directory of scores, with no server.</summary>
public static class LocalSearch
{
    public static int Run(LocalRequest request, string directory, string query)
    {
        var root = ScoreTree.Require(directory);
        using var model = LocalModelOption.Load(request.ModelDirectory);
        var index = LocalDirectoryIndex.Update(model, root, request.Error);
        var vector = model.Text.Encode([query])[0];
        var hits = LocalHit.Nearest(index.Tunes, vector, request.K);
        LocalHitsOutput.Write(request, $"search \"{query}\" in {directory} (model {model.Manifest.DisplayName}):", hits, index);
        return ExitCodes.Success;
    }
}
