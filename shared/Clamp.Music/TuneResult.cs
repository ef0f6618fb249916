using Clamp.Music.Abc;

namespace Clamp.Music;

/// <summary>The outcome for one tune of a file: the tune, or why it could not be read.</summary>
public sealed record TuneResult
{
    private TuneResult(int tuneIndex, AbcTune? tune, ScoreReadException? error)
    {
        TuneIndex = tuneIndex;
        Tune = tune;
        Error = error;
    }

    public int TuneIndex { get; }

    public AbcTune? Tune { get; }

    public ScoreReadException? Error { get; }

    public bool Succeeded => Tune is not null;

    public static TuneResult Success(AbcTune tune) => new(tune.TuneIndex, tune, null);

    public static TuneResult Failure(int tuneIndex, ScoreReadException error) => new(tuneIndex, null, error);
}
