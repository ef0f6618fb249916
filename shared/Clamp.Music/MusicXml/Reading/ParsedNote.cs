using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>One <c>&lt;note&gt;</c> element, read. <c>Pitch</c> is null for a rest.</summary>
internal sealed record ParsedNote(
    VoiceKey Voice,
    NotePitch? Pitch,
    Fraction Duration,
    bool IsGrace,
    bool GraceSlashed,
    bool IsChordMember,
    bool Invisible,
    TupletRatio? Tuplet,
    IReadOnlyList<string> Decorations,
    bool BeamedToNext,
    IReadOnlyList<(string Verse, string Syllable)> Lyrics);
