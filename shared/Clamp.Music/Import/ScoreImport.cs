namespace Clamp.Music;

/// <summary>What one file gave: its format (null when it could not be told) and a result per tune.</summary>
public sealed record ScoreImport(string FileName, ScoreFileFormat? Format, IReadOnlyList<TuneResult> Tunes)
{
    public IEnumerable<Abc.AbcTune> Succeeded => Tunes.Where(t => t.Succeeded).Select(t => t.Tune!);

    public IEnumerable<ScoreReadException> Failures => Tunes.Where(t => !t.Succeeded).Select(t => t.Error!);
}
