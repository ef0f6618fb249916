using System.Text;

namespace Clamp.LoadTest;

/// <summary>
/// Distinct, valid ABC tunes for load tests: eight bars of notes drawn from the tune's key, in a jig, reel or
/// waltz meter. Each run gets its own seed, so the ingest API's content-hash deduplication sees new scores.
/// </summary>
internal static class SyntheticTunes
{
    private static readonly (string Type, string Meter, string Length, int NotesPerBar)[] Rhythms =
        [("jig", "6/8", "1/8", 6), ("reel", "4/4", "1/8", 8), ("waltz", "3/4", "1/8", 6)];
    private static readonly string[] Keys = ["D", "G", "A", "Ador", "Em", "C"];
    private const string Notes = "CDEFGABcdefgab";

    public static IEnumerable<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (type, meter, length, perBar) = Rhythms[random.Next(Rhythms.Length)];
            var key = Keys[random.Next(Keys.Length)];
            var abc = new StringBuilder()
                .Append("X:").Append(i + 1).Append('\n')
                .Append("T:Load test ").Append(type).Append(' ').Append(seed).Append('-').Append(i).Append('\n')
                .Append("R:").Append(type).Append('\n')
                .Append("M:").Append(meter).Append('\n')
                .Append("L:").Append(length).Append('\n')
                .Append("K:").Append(key).Append('\n');
            for (var bar = 0; bar < 8; bar++)
            {
                abc.Append(bar == 0 ? "|:" : "|");
                for (var n = 0; n < perBar; n++) abc.Append(Notes[random.Next(Notes.Length)]);
                if (bar == 3) abc.Append('\n');
            }
            abc.Append(":|\n");
            yield return abc.ToString();
        }
    }
}
