namespace Clamp.Training.Data;

/// <summary>The region of an Essen folk song in English, read from its German origin field (O:).</summary>
public static class EssenRegions
{
    // Most specific first: "Mitteleuropa, Deutschland / Frankreich, Lothringen" is Lorraine.
    private static readonly (string German, string English)[] Regions =
    [
        ("China", "China"),
        ("Lothringen", "Lorraine"),
        ("Luxemburg", "Luxembourg"),
        ("Irland", "Ireland"),
        ("Schweiz", "Switzerland"),
        ("Oesterreich", "Austria"),
        ("Niederlande", "Netherlands"),
        ("Jugoslawien", "Yugoslavia"),
        ("Deutschland", "Germany"),
        ("Frankreich", "France"),
    ];

    public static string? FromOrigin(string? origin) =>
        string.IsNullOrWhiteSpace(origin)
            ? null
            : Regions.FirstOrDefault(r => origin.Contains(r.German, StringComparison.OrdinalIgnoreCase)).English;
}
