using System.Text;
using System.Xml.Linq;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>Turns a <c>&lt;harmony&gt;</c> element into a chord symbol such as "Am7", "Bb7/D" or "Cmaj7add9".</summary>
internal static class HarmonyReader
{
    public static string? Symbol(XElement harmony)
    {
        var kindElement = harmony.Element("kind");
        var kind = kindElement?.Value.Trim() ?? "major";
        if (harmony.Element("root") is not { } root)
        {
            return kind == "none" ? "N.C." : null;
        }

        var text = new StringBuilder();
        text.Append(Note(root.Text("root-step"), root.Decimal("root-alter")));
        text.Append(KindSuffix(kind, kindElement?.Attr("text")));
        foreach (var degree in harmony.Elements("degree"))
        {
            text.Append(Degree(degree));
        }

        if (harmony.Element("bass") is { } bass)
        {
            text.Append('/').Append(Note(bass.Text("bass-step"), bass.Decimal("bass-alter")));
        }

        var symbol = text.ToString().Replace("\"", "", StringComparison.Ordinal).Replace("|", "", StringComparison.Ordinal);
        return symbol.Length is > 0 and <= 32 ? symbol : null;
    }

    private static string Note(string? step, decimal? alter) =>
        (step ?? "C").ToUpperInvariant() + (alter switch { > 0 => "#", < 0 => "b", _ => "" });

    private static string KindSuffix(string kind, string? displayed) => kind switch
    {
        "major" => "",
        "minor" => "m",
        "augmented" => "aug",
        "diminished" => "dim",
        "dominant" => "7",
        "major-seventh" => "maj7",
        "minor-seventh" => "m7",
        "diminished-seventh" => "dim7",
        "augmented-seventh" => "aug7",
        "half-diminished" => "m7b5",
        "major-minor" => "m(maj7)",
        "major-sixth" => "6",
        "minor-sixth" => "m6",
        "dominant-ninth" => "9",
        "major-ninth" => "maj9",
        "minor-ninth" => "m9",
        "dominant-11th" => "11",
        "major-11th" => "maj11",
        "minor-11th" => "m11",
        "dominant-13th" => "13",
        "major-13th" => "maj13",
        "minor-13th" => "m13",
        "suspended-second" => "sus2",
        "suspended-fourth" => "sus4",
        "power" => "5",
        _ => displayed ?? "",
    };

    private static string Degree(XElement degree)
    {
        var value = degree.Int("degree-value");
        var alter = degree.Decimal("degree-alter") ?? 0;
        var sign = alter switch { > 0 => "#", < 0 => "b", _ => "" };
        return degree.Text("degree-type") switch
        {
            "add" => $"add{sign}{value}",
            "alter" => $"{sign}{value}",
            "subtract" => $"no{value}",
            _ => "",
        };
    }
}
