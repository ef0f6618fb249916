namespace Clamp.Cli.Commands.Local;

/// <summary>A file local mode could not read, and why.</summary>
public sealed record UnreadableFile(string Path, string Reason);

/// <summary>
/// A directory's index after an update: every embedded tune, and what the update did (files embedded anew, files
/// taken from the cache, entries of deleted files dropped, files that cannot be read).
/// </summary>
public sealed record LocalIndex(
    IReadOnlyList<IndexedTune> Tunes, int New, int Cached, int Removed, IReadOnlyList<UnreadableFile> Unreadable)
{
    /// <summary>"2 new, 3 cached, 1 removed, 1 unreadable, 9 tunes".</summary>
    public string Summary => $"{New} new, {Cached} cached, {Removed} removed, {Unreadable.Count} unreadable, {Tunes.Count} tunes";

    /// <summary>The update as the <c>--json</c> output's <c>index</c> object.</summary>
    public object ToJson() => new
    {
        @new = New,
        cached = Cached,
        removed = Removed,
        tunes = Tunes.Count,
        unreadable = Unreadable.Select(u => new { path = u.Path, reason = u.Reason }).ToList(),
    };
}
