using System.Globalization;
using System.Text.Json;

namespace Clamp.LoadTest;

/// <summary>
/// The one machine-readable line that ends <c>bench/loadtest.sh platform</c>, from the results of its ingest and query
/// runs: <c>ingest_vs_raw=… ingest_per_s=… raw_per_s=… search_p50_ms=… search_p99_ms=… search_per_s=…</c>. The search
/// numbers are those of the API's default mode (hybrid) on distinct texts, which no cache of query embeddings helps.
/// </summary>
internal static class PlatformSummary
{
    public static string Line(string ingestJson, string queryJson)
    {
        var ingest = JsonDocument.Parse(ingestJson).RootElement.GetProperty("result");
        var search = JsonDocument.Parse(queryJson).RootElement.GetProperty("result")
            .GetProperty("modes").GetProperty("hybrid").GetProperty("distinct");
        var endToEnd = ingest.GetProperty("scoresPerSecond").GetDouble();
        var raw = ingest.GetProperty("raw").GetProperty("scoresPerSecond").GetDouble();
        return string.Create(CultureInfo.InvariantCulture,
            $"ingest_vs_raw={endToEnd / raw:0.000} ingest_per_s={endToEnd:0.0} raw_per_s={raw:0.0} " +
            $"search_p50_ms={search.GetProperty("P50Ms").GetDouble():0.00} search_p99_ms={search.GetProperty("P99Ms").GetDouble():0.00} " +
            $"search_per_s={search.GetProperty("CallsPerSecond").GetDouble():0.0}");
    }
}
