namespace Clamp.Contracts.Messages;

/// <summary>
/// Descriptive metadata of a score: what the uploader said plus what was read from the file.
/// Text fields feed the text side of search results; the normalised fields are search filters.
/// </summary>
public sealed record ScoreMetadata
{
    public string? Title { get; init; }
    public string? Composer { get; init; }
    public string? Collection { get; init; }
    /// <summary>Tune type or rhythm, lower case ("jig", "reel", "waltz" …).</summary>
    public string? Type { get; init; }
    public string? Origin { get; init; }
    /// <summary>Normalised key, e.g. "D major", "E dorian".</summary>
    public string? Key { get; init; }
    /// <summary>Normalised meter, e.g. "6/8".</summary>
    public string? Meter { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Any other named field (notes, genre, lyrics …).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
