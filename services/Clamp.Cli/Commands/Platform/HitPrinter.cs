using Clamp.Contracts.Grpc;

namespace Clamp.Cli.Commands.Platform;

/// <summary>Prints search and similarity hits as an aligned table, with what each matched on.</summary>
public static class HitPrinter
{
    public static void Write(TextWriter output, IEnumerable<ScoreHit> hits)
    {
        var rank = 0;
        foreach (var hit in hits)
        {
            rank++;
            var details = string.Join(", ", new[] { hit.Type, hit.Key, hit.Meter, hit.Collection }.Where(s => s.Length > 0));
            var matched = hit.Matched.Count > 0 ? $"  matched: {string.Join(", ", hit.Matched)}" : "";
            output.WriteLine($"{rank,3}. {hit.Score,6:0.000}  {Title(hit),-40} {details}  [{hit.ScoreId}]{matched}");
        }

        if (rank == 0)
            output.WriteLine("(no results)");
    }

    private static string Title(ScoreHit hit) => hit.Title.Length > 0 ? hit.Title : "(untitled)";
}
