namespace Clamp.Embedding.Models;

/// <summary>Orders version strings the way people read them: "1.10.0" after "1.9.2", numbers compared as numbers.</summary>
public sealed class ModelVersionOrder : IComparer<string>
{
    public static readonly ModelVersionOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = Parts(x);
        var b = Parts(y);
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "";
            var right = i < b.Length ? b[i] : "";
            var order = long.TryParse(left, out var l) && long.TryParse(right, out var r)
                ? l.CompareTo(r)
                : string.CompareOrdinal(left, right);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static string[] Parts(string? version) => (version ?? "").Split('.', '-', '+');
}
