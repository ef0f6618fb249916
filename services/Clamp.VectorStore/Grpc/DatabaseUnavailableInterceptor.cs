using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;

namespace Clamp.VectorStore.Grpc;

/// <summary>PostgreSQL being down or restarting is a transient <see cref="StatusCode.Unavailable"/>, which
/// callers may retry, rather than an opaque Unknown.</summary>
public sealed class DatabaseUnavailableInterceptor(ILogger<DatabaseUnavailableInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (NpgsqlException ex) when (ex.IsTransient)
        {
            logger.LogWarning(ex, "PostgreSQL is unavailable for {Method}", context.Method);
            throw new RpcException(new Status(StatusCode.Unavailable, "The vector store's database is unavailable; retry later."));
        }
    }
}
