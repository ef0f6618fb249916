namespace Clamp.Music.MusicXml.Model;

/// <summary>Something at a time offset (from the start of its bar) in one voice.</summary>
public abstract record VoiceEvent(Fraction Offset);

/// <summary>A change of key, meter or clef inside the music (written as an inline field, e.g. <c>[K:D]</c>).</summary>
public sealed record FieldEvent(Fraction Offset, FieldKind Kind, KeySignature? Key = null, Meter? Meter = null, string? Clef = null)
    : VoiceEvent(Offset);

public enum FieldKind
{
    Key,
    Meter,
    Clef,
}

/// <summary>A note, chord or rest. A rest has no pitches.</summary>
public sealed record NoteEvent(Fraction Offset, Fraction Duration, IReadOnlyList<NotePitch> Pitches) : VoiceEvent(Offset)
{
    /// <summary>An invisible rest (ABC <c>x</c>) rather than a printed one (<c>z</c>).</summary>
    public bool Invisible { get; init; }

    /// <summary>Grace notes played before this event.</summary>
    public IReadOnlyList<NotePitch> GraceNotes { get; init; } = [];

    /// <summary>Grace notes are acciaccaturas (ABC <c>{/g}</c>).</summary>
    public bool GraceSlashed { get; init; }

    /// <summary>The chord symbol above this event, e.g. "Am7".</summary>
    public string? ChordSymbol { get; init; }

    /// <summary>ABC decorations written before the event, e.g. ".", "!fermata!".</summary>
    public IReadOnlyList<string> Decorations { get; init; } = [];

    /// <summary>The event is part of a tuplet.</summary>
    public TupletRatio? Tuplet { get; init; }

    /// <summary>The beam goes on to the next event (no space written after it).</summary>
    public bool BeamedToNext { get; init; }

    public bool IsRest => Pitches.Count == 0;
}

/// <summary><c>Actual</c> notes in the time of <c>Normal</c>; <c>Starts</c>/<c>Stops</c> mark explicit group bounds.</summary>
public sealed record TupletRatio(int Actual, int Normal, bool Starts, bool Stops);
