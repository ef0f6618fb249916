using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Clamp.Web.Upstream;

/// <summary>The options of a call to the query service: the request's cancellation and the configured deadline.</summary>
internal sealed class QueryCalls(IOptions<WebOptions> options, TimeProvider clock)
{
    public CallOptions For(CancellationToken ct) =>
        new(deadline: clock.GetUtcNow().UtcDateTime + options.Value.QueryTimeout, cancellationToken: ct);
}
