namespace Clamp.Training.Data;

/// <summary>
/// One score of the training data: its music text (metadata removed by Clamp.Music), its description as sentences,
/// its labels for the zero-shot dev tasks, and whether it is in the dev split.
/// </summary>
public sealed record ScoreItem
{
    /// <summary>Stable id: the file under the data folder, and "#n" for the n-th tune of a multi-tune file.</summary>
    public required string Id { get; init; }

    /// <summary>The collection it came from ("nottingham", "essenFolksong", "music21/bach", "openewld" …).</summary>
    public required string Collection { get; init; }

    public required string MusicText { get; init; }

    /// <summary>The description, one fact a sentence (<see cref="DescriptionWriter"/>); text dropout picks among them.</summary>
    public required IReadOnlyList<string> Sentences { get; init; }

    /// <summary>The title a catalogue would show (the source's, else the file's first), if any.</summary>
    public string? Title { get; init; }

    /// <summary>The composer a catalogue would show, if any.</summary>
    public string? Composer { get; init; }

    /// <summary>The sentences of the description computed from the music alone (meter, key, range, texture …).</summary>
    public IReadOnlyList<string> MusicSentences { get; init; } = [];

    /// <summary>Dev task name -> label (e.g. "tune-type" -> "jig").</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public required bool IsDev { get; init; }

    /// <summary>The whole description as one paragraph: the prose query of the search dev set.</summary>
    public string Description => string.Join(" ", Sentences);
}
