namespace Clamp.Cli.Commands.Local;

/// <summary>One embedded tune of the local index: its entry path (<c>file</c> or <c>file#n</c>), title and embedding.</summary>
public sealed record IndexedTune(string Path, string Title, float[] Vector);

/// <summary>
/// One score file of the local index, as it was when it was read: its size and last-write time (how a changed file
/// is told), and its tunes or, for a file that cannot be read, why.
/// </summary>
public sealed record IndexedFile(long Size, long LastWriteTicks, string? Error, IReadOnlyList<IndexedTune> Tunes)
{
    public static (long Size, long LastWriteTicks) StampOf(string file)
    {
        var info = new FileInfo(file);
        return (info.Length, info.LastWriteTimeUtc.Ticks);
    }

    public bool IsUnchanged(string file) => StampOf(file) == (Size, LastWriteTicks);
}
