namespace Clamp.Training.Data;

/// <summary>A tab-separated index file with a header row, read as one dictionary per row (missing cells are empty).</summary>
public static class TsvTable
{
    public static IReadOnlyList<Dictionary<string, string>> Read(string path)
    {
        var rows = File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        return rows.Skip(1)
            .Select(cells => header.Select((name, i) => (name, value: i < cells.Length ? cells[i].Trim() : ""))
                .GroupBy(p => p.name).ToDictionary(g => g.Key, g => g.First().value, StringComparer.Ordinal))
            .ToList();
    }
}
