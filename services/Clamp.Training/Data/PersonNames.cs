namespace Clamp.Training.Data;

/// <summary>Names as indexes and folders write them, turned into the order people write them.</summary>
public static class PersonNames
{
    /// <summary>"Beethoven, Ludwig van" or "Arne,_Thomas" -> "Ludwig van Beethoven", "Thomas Arne".</summary>
    public static string Readable(string name)
    {
        var text = name.Replace('_', ' ').Trim();
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? text : $"{text[(comma + 1)..].Trim()} {text[..comma].Trim()}";
    }
}
