using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Writing;

/// <summary>What one voice has in force while its bars are written: key, meter, clef and bar accidentals.</summary>
public sealed class AbcVoiceState
{
    public AbcVoiceState(KeySignature key, Meter meter, string clef)
    {
        Key = key;
        Meter = meter;
        Clef = clef;
        Speller.SetKey(key);
    }

    public KeySignature Key { get; private set; }

    public Meter Meter { get; private set; }

    public string Clef { get; private set; }

    public AbcPitchSpeller Speller { get; } = new();

    /// <summary>Applies a field; returns the inline text to write (e.g. "[K:D]"), or null when nothing changes.</summary>
    public string? Apply(FieldEvent field)
    {
        switch (field.Kind)
        {
            case FieldKind.Key when field.Key is { } key && key != Key:
                Key = key;
                Speller.SetKey(key);
                return $"[K:{AbcKeys.Name(key)}]";
            case FieldKind.Meter when field.Meter is { } meter && meter.Text != Meter.Text:
                Meter = meter;
                return $"[M:{meter.Text}]";
            case FieldKind.Clef when field.Clef is { } clef && clef != Clef:
                Clef = clef;
                return $"[K:clef={clef}]";
            default:
                return null;
        }
    }
}
