using Clamp.Contracts.Grpc;
using Clamp.Web.Upstream;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Clamp.Web.Api;

/// <summary>Search, similar scores and zero-shot classification, forwarded to the query service's ScoreSearch.</summary>
internal static class SearchEndpoints
{
    private static readonly Dictionary<string, SearchMode> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hybrid"] = SearchMode.Hybrid,
        ["semantic"] = SearchMode.Semantic,
        ["keyword"] = SearchMode.Keyword,
    };

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithName("Search");
        api.MapGet("/scores/{id:guid}/similar", SimilarAsync).WithName("SimilarScores");
        api.MapPost("/scores/{id:guid}/classify", ClassifyAsync).WithName("ClassifyScore");
        return api;
    }

    /// <summary>The filters of a search: each may be repeated; tags may also be comma-separated.</summary>
    internal sealed record FilterQuery(string[]? Collection, string[]? Type, string[]? Key, string[]? Meter, string[]? Tag)
    {
        public ScoreFilter ToFilter()
        {
            var filter = new ScoreFilter();
            filter.Collections.AddRange(Values(Collection));
            filter.Types_.AddRange(Values(Type));
            filter.Keys.AddRange(Values(Key));
            filter.Meters.AddRange(Values(Meter));
            filter.Tags.AddRange(Values(Tag).SelectMany(tags => tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            return filter;
        }

        private static IEnumerable<string> Values(string[]? values) =>
            (values ?? []).Select(value => value.Trim()).Where(value => value.Length > 0);
    }

    private static async Task<Results<Ok<ScoreHitsView>, ValidationProblem>> SearchAsync(
        [AsParameters] FilterQuery filter, ScoreSearch.ScoreSearchClient query, QueryCalls calls, IOptions<WebOptions> options,
        CancellationToken ct, string? q = null, string? mode = null, int k = 10, string? page = null)
    {
        if (string.IsNullOrWhiteSpace(q))
            return Invalid("q", "Type what you are looking for.");
        if (!Modes.TryGetValue(mode ?? "hybrid", out var searchMode))
            return Invalid("mode", $"'{mode}' is not a search mode: hybrid, semantic or keyword.");
        if (ResultCountProblem(k, options.Value) is { } problem)
            return problem;

        var response = await query.SearchAsync(new SearchRequest
        {
            Query = q.Trim(), K = k, PageToken = page ?? "", Mode = searchMode, Filter = filter.ToFilter(),
        }, calls.For(ct));
        return TypedResults.Ok(View(response.Hits, response.NextPageToken, response.ModelVersion));
    }

    private static async Task<Results<Ok<ScoreHitsView>, ValidationProblem>> SimilarAsync(
        Guid id, ScoreSearch.ScoreSearchClient query, QueryCalls calls, IOptions<WebOptions> options, CancellationToken ct,
        int k = 8, string? page = null)
    {
        if (ResultCountProblem(k, options.Value) is { } problem)
            return problem;
        var response = await query.SimilarAsync(new SimilarRequest { ScoreId = id.ToString(), K = k, PageToken = page ?? "" }, calls.For(ct));
        return TypedResults.Ok(View(response.Hits, response.NextPageToken, response.ModelVersion));
    }

    private static async Task<Results<Ok<ClassificationView>, ValidationProblem>> ClassifyAsync(
        Guid id, ClassifyBody body, ScoreSearch.ScoreSearchClient query, QueryCalls calls, IOptions<WebOptions> options, CancellationToken ct)
    {
        var labels = (body.Labels ?? []).Select(label => label.Trim()).Where(label => label.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (labels.Count < 2)
            return Invalid("labels", "Give at least two different labels to choose between.");
        if (labels.Count > options.Value.MaxLabels)
            return Invalid("labels", $"{labels.Count} labels are more than the {options.Value.MaxLabels} allowed.");

        var request = new ClassifyRequest { ScoreId = id.ToString(), Labels = { labels } };
        if (!string.IsNullOrWhiteSpace(body.Template))
            request.Template = body.Template.Trim();
        var response = await query.ClassifyAsync(request, calls.For(ct));
        return TypedResults.Ok(new ClassificationView(
            response.Labels.Select(l => new LabelView(l.Label, l.Probability, l.Similarity)).ToList(), response.ModelVersion));
    }

    private static ValidationProblem? ResultCountProblem(int k, WebOptions options) =>
        k is >= 1 && k <= options.MaxResults ? null : Invalid("k", $"k must be between 1 and {options.MaxResults}.");

    private static ScoreHitsView View(IEnumerable<ScoreHit> hits, string nextPage, string modelVersion) =>
        new(hits.Select(ScoreHitView.From).ToList(), nextPage.Length > 0 ? nextPage : null, modelVersion);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
