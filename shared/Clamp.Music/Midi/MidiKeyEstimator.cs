using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Midi;

/// <summary>
/// Estimates the key of notes with no key signature: the Krumhansl-Kessler major/minor profile best correlated
/// with the duration-weighted pitch-class histogram (Krumhansl 1990).
/// </summary>
internal static class MidiKeyEstimator
{
    private static readonly double[] Major = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
    private static readonly double[] Minor = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

    /// <summary>Fifths of the major key on each pitch class (C=0, Db=-5, D=2 ...).</summary>
    private static readonly int[] MajorFifths = [0, -5, 2, -3, 4, -1, 6, 1, -4, 3, -2, 5];

    public static KeySignature Estimate(IEnumerable<MidiNote> notes)
    {
        var histogram = new double[12];
        foreach (var note in notes)
        {
            histogram[note.Key % 12] += note.End - note.Start;
        }

        if (histogram.All(h => h == 0))
        {
            return KeySignature.CMajor;
        }

        var best = (Score: double.MinValue, Tonic: 0, Minor: false);
        for (var tonic = 0; tonic < 12; tonic++)
        {
            foreach (var minor in new[] { false, true })
            {
                var score = Correlation(histogram, minor ? Minor : Major, tonic);
                if (score > best.Score)
                {
                    best = (score, tonic, minor);
                }
            }
        }

        // A minor key shares the signature of the major key a minor third above its tonic.
        var fifths = MajorFifths[best.Minor ? (best.Tonic + 3) % 12 : best.Tonic];
        return new KeySignature(fifths, best.Minor ? "minor" : "major");
    }

    private static double Correlation(double[] histogram, double[] profile, int tonic)
    {
        var meanH = histogram.Average();
        var meanP = profile.Average();
        double sum = 0, sumH = 0, sumP = 0;
        for (var pc = 0; pc < 12; pc++)
        {
            var h = histogram[pc] - meanH;
            var p = profile[(pc - tonic + 12) % 12] - meanP;
            sum += h * p;
            sumH += h * h;
            sumP += p * p;
        }

        return sumH == 0 ? 0 : sum / Math.Sqrt(sumH * sumP);
    }
}
