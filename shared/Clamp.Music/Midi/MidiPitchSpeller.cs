using Clamp.Music.MusicXml.Model;
using Clamp.Music.MusicXml.Writing;

namespace Clamp.Music.Midi;

/// <summary>Spells MIDI key numbers in a key: its scale notes as the key writes them, others as sharps (sharp keys) or flats.</summary>
internal sealed class MidiPitchSpeller
{
    private static readonly int[] StepSemitones = [0, 2, 4, 5, 7, 9, 11];
    private readonly (int Step, int Alter)[] _byPitchClass = new (int, int)[12];

    public MidiPitchSpeller(KeySignature key)
    {
        var alters = AbcKeys.AltersByStep(key);
        var preferFlats = key.Fifths < 0;
        for (var pc = 0; pc < 12; pc++)
        {
            _byPitchClass[pc] = (-1, 0);
        }

        for (var step = 0; step < 7; step++)
        {
            var pc = (StepSemitones[step] + alters[step] + 12) % 12;
            _byPitchClass[pc] = (step, alters[step]);
        }

        for (var pc = 0; pc < 12; pc++)
        {
            if (_byPitchClass[pc].Step < 0)
            {
                var natural = Array.IndexOf(StepSemitones, pc);
                _byPitchClass[pc] = natural >= 0
                    ? (natural, 0)
                    : preferFlats ? (Array.IndexOf(StepSemitones, (pc + 1) % 12), -1) : (Array.IndexOf(StepSemitones, pc - 1), 1);
            }
        }
    }

    public NotePitch Spell(int key, bool tieToNext)
    {
        var (step, alter) = _byPitchClass[key % 12];
        var octave = ((key - alter - StepSemitones[step]) / 12) - 1;
        return new NotePitch(AbcKeys.StepAt(step), alter, octave, tieToNext);
    }
}
