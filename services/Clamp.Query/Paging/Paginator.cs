using Clamp.Contracts.Grpc;
using Clamp.Query.Upstream;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Clamp.Query.Paging;

/// <summary>A page of hits and the token of the next page ("" on the last page).</summary>
internal sealed record Page(IReadOnlyList<ScoreHit> Hits, string NextPageToken);

/// <summary>Pages of ranked scores for Search and Similar: opens a cursor from a request, reads one page.</summary>
internal sealed class Paginator(VectorStoreGateway store, IOptions<QueryOptions> options)
{
    /// <summary>The page size a request asks for (0 = the default).</summary>
    public int PageSize(int k)
    {
        var o = options.Value;
        if (k < 0 || k > o.MaxK)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"k must be between 1 and {o.MaxK} (0 = {o.DefaultK}); it is {k}."));
        return k == 0 ? o.DefaultK : k;
    }

    /// <summary>The first page of a new search, or where a page token says.</summary>
    public async Task<PageCursor> OpenAsync(string pageToken, string requestedVersion, string fingerprint, CancellationToken cancellationToken)
    {
        if (pageToken.Length == 0)
            return new PageCursor(0, await store.ResolveVersionAsync(requestedVersion, cancellationToken), fingerprint);
        var cursor = PageCursor.Decode(pageToken)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "The page token is not one this service issued."));
        if (cursor.Fingerprint != fingerprint)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The page token belongs to another query or filter."));
        if (requestedVersion.Length > 0 && requestedVersion != cursor.ModelVersion)
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"The page token belongs to model version '{cursor.ModelVersion}', not '{requestedVersion}'."));
        return cursor;
    }

    /// <summary>
    /// Reads k hits from the cursor on with <paramref name="read"/> (offset, limit): one more is asked for, to know
    /// whether another page follows.
    /// </summary>
    public static async Task<Page> ReadAsync(PageCursor cursor, int k, Func<int, int, Task<IReadOnlyList<ScoreHit>>> read)
    {
        var hits = await read(cursor.Offset, k + 1);
        var next = hits.Count > k ? (cursor with { Offset = cursor.Offset + k }).Encode() : "";
        return new Page(hits.Take(k).ToList(), next);
    }
}
