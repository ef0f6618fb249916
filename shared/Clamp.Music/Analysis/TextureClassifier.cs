namespace Clamp.Music.Analysis;

/// <summary>Tells the <see cref="Texture"/> of a scanned tune from its voices and simultaneous notes.</summary>
internal static class TextureClassifier
{
    /// <summary>Share of onsets that are chords above which one voice is homophonic.</summary>
    private const double ChordalShare = 0.5;

    /// <summary>Agreement of note counts between voices, bar by bar, above which voices move together.</summary>
    private const double HomorhythmThreshold = 0.7;

    public static Texture? Classify(ScannedMusic music)
    {
        var sounding = music.Voices.Where(v => v.Notes > 0).ToList();
        var onsets = sounding.Sum(v => v.Onsets);
        if (onsets == 0)
        {
            return null;
        }

        var chordShare = (double)music.SimultaneousOnsets / onsets;
        if (sounding.Count == 1)
        {
            return chordShare >= ChordalShare ? Texture.Homophonic
                : music.ChordSymbols.Count > 0 || music.SimultaneousOnsets > 0 ? Texture.MelodyWithChords
                : Texture.MonophonicMelody;
        }

        return chordShare >= ChordalShare || Homorhythm(sounding) >= HomorhythmThreshold ? Texture.Homophonic : Texture.Polyphonic;
    }

    /// <summary>Mean, over bars where two or more voices play, of the fewest onsets over the most (1 is lockstep).</summary>
    private static double Homorhythm(List<VoiceScan> voices)
    {
        var bars = voices.Max(v => v.OnsetsPerBar.Count);
        double sum = 0;
        var counted = 0;
        for (var bar = 0; bar < bars; bar++)
        {
            int min = int.MaxValue, max = 0, playing = 0;
            foreach (var voice in voices)
            {
                if (bar < voice.OnsetsPerBar.Count && voice.OnsetsPerBar[bar] is > 0 and var n)
                {
                    min = Math.Min(min, n);
                    max = Math.Max(max, n);
                    playing++;
                }
            }

            if (playing >= 2)
            {
                sum += (double)min / max;
                counted++;
            }
        }

        return counted == 0 ? 0 : sum / counted;
    }
}
