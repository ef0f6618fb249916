using Clamp.Music;
using Clamp.Music.Patching;

namespace Clamp.Cli.Commands.Local;

/// <summary>One tune of a score file as local mode embeds it: its entry path (<c>file</c>, or <c>file#n</c> in a
/// multi-tune ABC file, as the ingest API names them), its title and its patches.</summary>
public sealed record ScoreTune(string Path, string Title, PatchSequence Patches);

/// <summary>
/// A score file read the one way scores become model input (<see cref="ScoreImporter"/>, then
/// <see cref="ModelInput.Patch(Clamp.Music.Abc.AbcTune)"/>): its tunes with music, or why it cannot be read.
/// </summary>
public static class ScoreFileTunes
{
    public static (IReadOnlyList<ScoreTune> Tunes, string? Error) Read(ScoreImporter importer, ModelInput input, string file, string entryPath)
    {
        ScoreImport import;
        try
        {
            import = importer.Import(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], e.Message);
        }

        var multiTune = import.Tunes.Count > 1;
        var tunes = import.Succeeded
            .Where(tune => tune.MusicText.Length > 0)
            .Select(tune => new ScoreTune(multiTune ? $"{entryPath}#{tune.TuneIndex + 1}" : entryPath, tune.Metadata.Title ?? "", input.Patch(tune)))
            .ToList();
        return tunes.Count > 0 ? (tunes, null) : ([], import.Failures.FirstOrDefault()?.Message ?? "no music in the score");
    }
}
