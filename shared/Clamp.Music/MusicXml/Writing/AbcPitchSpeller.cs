using System.Text;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Writing;

/// <summary>
/// Writes pitches in one voice with ABC accidental rules: the key signature applies unless an accidental
/// earlier in the bar changed that pitch (same step and octave). Accidentals are written only where needed.
/// </summary>
public sealed class AbcPitchSpeller
{
    private readonly Dictionary<(int Step, int Octave), int> _barAlters = [];
    private int[] _keyAlters = new int[7];

    public void SetKey(KeySignature key)
    {
        _keyAlters = AbcKeys.AltersByStep(key);
        _barAlters.Clear();
    }

    public void StartBar() => _barAlters.Clear();

    public void Append(StringBuilder text, NotePitch pitch)
    {
        var step = AbcKeys.StepIndex(pitch.Step);
        if (step < 0)
        {
            step = 0;
        }

        var alter = Math.Clamp(pitch.Alter, -2, 2);
        var expected = _barAlters.TryGetValue((step, pitch.Octave), out var barAlter) ? barAlter : _keyAlters[step];
        if (alter != expected)
        {
            text.Append(alter switch { 2 => "^^", 1 => "^", -1 => "_", -2 => "__", _ => "=" });
            _barAlters[(step, pitch.Octave)] = alter;
        }

        var letter = AbcKeys.StepAt(step);
        var octave = Math.Clamp(pitch.Octave, -1, 10);
        if (octave >= 5)
        {
            text.Append(char.ToLowerInvariant(letter)).Append('\'', octave - 5);
        }
        else
        {
            text.Append(letter).Append(',', 4 - octave);
        }
    }
}
