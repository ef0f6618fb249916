using Clamp.Contracts.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Clamp.Client;

/// <summary>
/// The query service (gRPC <c>clamp.v1.ScoreSearch</c>): search, classify, similar. Each call gets the deadline
/// <see cref="ClampClientOptions.Timeout"/>; the channel that <c>AddClampClient</c> configures presents the API key and
/// retries a call answered UNAVAILABLE. Every failure is a <see cref="ClampException"/>.
/// </summary>
public sealed class ClampSearchClient(ScoreSearch.ScoreSearchClient grpc, IOptions<ClampClientOptions> options)
{
    /// <summary>The most relevant scores for a text query (<paramref name="k"/> per page, at most 100).</summary>
    public Task<SearchResponse> SearchAsync(string text, SearchMode mode = SearchMode.Hybrid, ScoreFilter? filter = null, int k = 10, CancellationToken cancellationToken = default) =>
        SearchAsync(new SearchRequest { Query = text, Mode = mode, Filter = filter ?? new ScoreFilter(), K = k }, cancellationToken);

    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(deadline => grpc.SearchAsync(request, deadline: deadline, cancellationToken: cancellationToken));

    /// <summary>Zero-shot classification of an indexed score against candidate labels (sorted by probability).</summary>
    public Task<ClassifyResponse> ClassifyAsync(string scoreId, IEnumerable<string> labels, CancellationToken cancellationToken = default) =>
        ClassifyAsync(new ClassifyRequest { ScoreId = scoreId, Labels = { labels } }, cancellationToken);

    public Task<ClassifyResponse> ClassifyAsync(ClassifyRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(deadline => grpc.ClassifyAsync(request, deadline: deadline, cancellationToken: cancellationToken));

    /// <summary>The <paramref name="k"/> nearest other scores of an indexed score.</summary>
    public Task<SimilarResponse> SimilarAsync(string scoreId, int k = 10, CancellationToken cancellationToken = default) =>
        SimilarAsync(new SimilarRequest { ScoreId = scoreId, K = k }, cancellationToken);

    public Task<SimilarResponse> SimilarAsync(SimilarRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(deadline => grpc.SimilarAsync(request, deadline: deadline, cancellationToken: cancellationToken));

    private async Task<T> CallAsync<T>(Func<DateTime, AsyncUnaryCall<T>> call)
    {
        try
        {
            return await call(DateTime.UtcNow + options.Value.Timeout);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw ClampException.From(e);
        }
    }
}
