namespace Clamp.Training.Data;

/// <summary>
/// What a score's source says about it beyond the file itself (an index, a collection, a folder name). Empty values
/// are left out of the description; the file's own metadata fills what is missing here.
/// </summary>
public sealed record SourceFacts
{
    /// <summary>The broad kind of music (<see cref="Repertoire"/>).</summary>
    public required string Repertoire { get; init; }

    /// <summary>The collection's readable name ("the Nottingham Music Database").</summary>
    public string? Collection { get; init; }

    public string? Title { get; init; }

    /// <summary>The song set, cycle or multi-movement work the score belongs to.</summary>
    public string? Set { get; init; }

    public string? Composer { get; init; }

    /// <summary>Life dates of the composer, e.g. "1818-1893".</summary>
    public string? ComposerDates { get; init; }

    /// <summary>A short description of the composer ("French composer").</summary>
    public string? ComposerDescription { get; init; }

    /// <summary>A performer or band (pop songs).</summary>
    public string? Artist { get; init; }

    /// <summary>The tune type ("jig", "reel", "mazurka").</summary>
    public string? TuneType { get; init; }

    /// <summary>Country or region in English.</summary>
    public string? Region { get; init; }

    public string? Genre { get; init; }

    public string? Styles { get; init; }

    public string? Year { get; init; }

    /// <summary>Whether the file's own notes (N:) describe the music; false where they are catalogue remarks (Essen, kern).</summary>
    public bool UseFileNotes { get; init; } = true;
}
