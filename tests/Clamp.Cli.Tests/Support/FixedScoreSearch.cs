using Clamp.Contracts.Grpc;
using Grpc.Core;

namespace Clamp.Cli.Tests.Support;

/// <summary>
/// A stand-in query service (gRPC <c>ScoreSearch</c>) with fixed answers, so the CLI's printing of real gRPC
/// responses can be checked exactly: the query service itself is tested in Clamp.Query.Tests.
/// </summary>
public sealed class FixedScoreSearch : ScoreSearch.ScoreSearchBase
{
    public const string ModelVersion = "9.9.9";

    public static readonly ScoreHit[] Hits =
    [
        new() { ScoreId = "0190c2a4-0000-7000-8000-000000000001", Title = "The Kesh", Score = 0.75f, Type = "jig", Key = "G major", Matched = { "title", "music" } },
        new() { ScoreId = "0190c2a4-0000-7000-8000-000000000002", Title = "", Score = 0.5f, Matched = { "music" } },
    ];

    public override Task<SearchResponse> Search(SearchRequest request, ServerCallContext context) =>
        Task.FromResult(new SearchResponse { Hits = { Hits }, ModelVersion = ModelVersion });

    public override Task<SimilarResponse> Similar(SimilarRequest request, ServerCallContext context) =>
        Task.FromResult(new SimilarResponse { Hits = { Hits.Reverse() }, ModelVersion = ModelVersion });

    /// <summary>The labels in the order asked, the first with probability 0.75 and the rest sharing 0.25.</summary>
    public override Task<ClassifyResponse> Classify(ClassifyRequest request, ServerCallContext context)
    {
        var response = new ClassifyResponse { ModelVersion = ModelVersion };
        response.Labels.AddRange(request.Labels.Select((label, i) => new LabelScore
        {
            Label = label,
            Probability = i == 0 ? 0.75f : 0.25f / (request.Labels.Count - 1),
            Similarity = 0.5f - i / 10f,
        }));
        return Task.FromResult(response);
    }
}
