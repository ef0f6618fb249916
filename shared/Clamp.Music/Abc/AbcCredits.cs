namespace Clamp.Music.Abc;

/// <summary>
/// The project's convention for the credits ABC 2.1 has no field for: a note line <c>N:lyricist: NAME</c> (author of the
/// words) or <c>N:arranger: NAME</c>. Converted MusicXML and kern scores are written this way, and the ABC reader reads
/// such lines into <see cref="TuneMetadata.Lyricist"/> and <see cref="TuneMetadata.Arranger"/> instead of the notes.
/// The role word is matched without regard to case; anything else after <c>N:</c> is an ordinary note.
/// </summary>
public static class AbcCredits
{
    public const string Lyricist = "lyricist";

    public const string Arranger = "arranger";

    /// <summary>The value of the note line that credits <paramref name="name"/> with <paramref name="role"/>: "lyricist: Victor Hugo".</summary>
    public static string Note(string role, string name) => $"{role}: {name}";

    /// <summary>Reads a note written by <see cref="Note"/>: its role (<see cref="Lyricist"/> or <see cref="Arranger"/>) and the name.</summary>
    public static bool TryRead(string note, out string role, out string name)
    {
        foreach (var known in (ReadOnlySpan<string>)[Lyricist, Arranger])
        {
            if (note.Length > known.Length + 1 && note.StartsWith(known, StringComparison.OrdinalIgnoreCase) && note[known.Length] == ':'
                && note[(known.Length + 1)..].Trim() is { Length: > 0 } credited)
            {
                (role, name) = (known, credited);
                return true;
            }
        }

        (role, name) = ("", "");
        return false;
    }
}
