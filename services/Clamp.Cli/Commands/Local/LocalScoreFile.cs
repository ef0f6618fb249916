using Clamp.Cli.Commands.Connection;
using Clamp.Inference;
using Clamp.Music;

namespace Clamp.Cli.Commands.Local;

/// <summary>
/// The one score file local classify and similar start from, embedded: its first tune with music (as
/// <c>clamp eval</c> takes a file). A file that is missing or cannot be read is exit code 5.
/// </summary>
public static class LocalScoreFile
{
    public static string Require(string file) =>
        File.Exists(file) ? Path.GetFullPath(file) : throw new CliFailure(ExitCodes.UnreadableInput, $"cannot read {file}: no such file");

    public static float[] Embed(ClampModel model, string file)
    {
        var (tunes, error) = ScoreFileTunes.Read(new ScoreImporter(), model.Manifest.Input, file, Path.GetFileName(file));
        if (error is not null)
            throw new CliFailure(ExitCodes.UnreadableInput, $"cannot read {file}: {error.ReplaceLineEndings(" ")}");
        return model.Music.Encode([tunes[0].Patches])[0];
    }
}
