using System.Globalization;

namespace Clamp.LoadTest;

/// <summary>"--name value" command-line options with defaults.</summary>
internal sealed class Arguments(string[] args)
{
    public string Command => args.Length > 0 ? args[0] : "";

    public string Text(string name, string fallback)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public int Number(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public IReadOnlyList<int> Numbers(string name, string fallback) =>
        Text(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

    public Uri Address(string name, string fallback) => new(Text(name, fallback));
}
