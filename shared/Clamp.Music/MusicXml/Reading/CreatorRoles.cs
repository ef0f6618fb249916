using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>
/// Files a <c>&lt;creator type="…"&gt;</c> under its role: composer (also a creator with no type), lyricist (and "poet",
/// the other name MusicXML gives the author of the words) and arranger have fields of their own; any other role
/// ("translator" …) is a note "role: name". An "arranger" credit that says "Transcribed by …" names the transcriber
/// (OpenScore's scores credit their volunteers so) and goes with the transcription.
/// </summary>
internal static class CreatorRoles
{
    public static void Add(ScoreMetadata metadata, string? type, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var (list, value) = type?.ToLowerInvariant() switch
        {
            null or "" or "composer" => (metadata.Composers, name),
            "lyricist" or "poet" => (metadata.Lyricists, name),
            "arranger" when name.TrimStart().StartsWith("Transcribed", StringComparison.OrdinalIgnoreCase) => (metadata.Transcriptions, name),
            "arranger" => (metadata.Arrangers, name),
            _ => (metadata.Notes, $"{type}: {name.Trim()}"),
        };
        MetadataReader.AddIfAny(list, value);
    }
}
