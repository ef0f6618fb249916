using Clamp.Cli.Commands.Platform;

namespace Clamp.Cli.Commands.Local;

/// <summary>Local search and similarity results on stdout: a heading and a table, or with <c>--json</c> one JSON object.</summary>
public static class LocalHitsOutput
{
    public static void Write(LocalRequest request, string heading, IReadOnlyList<LocalHit> hits, LocalIndex index)
    {
        if (request.Json)
        {
            JsonOutput.Write(request.Output, HitsJson.From(hits, index));
            return;
        }

        request.Output.WriteLine(heading);
        LocalHitPrinter.Write(request.Output, hits);
    }
}
