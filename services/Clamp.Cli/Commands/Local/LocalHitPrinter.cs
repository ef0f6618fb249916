namespace Clamp.Cli.Commands.Local;

/// <summary>Prints local search and similarity hits as an aligned table: rank, score, title and path.</summary>
public static class LocalHitPrinter
{
    public static void Write(TextWriter output, IReadOnlyList<LocalHit> hits)
    {
        for (var i = 0; i < hits.Count; i++)
        {
            var title = hits[i].Tune.Title.Length > 0 ? hits[i].Tune.Title : "(untitled)";
            output.WriteLine($"{i + 1,3}. {hits[i].Score,6:0.000}  {title,-40} {hits[i].Tune.Path}");
        }

        if (hits.Count == 0)
            output.WriteLine("(no results)");
    }
}
