using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Clamp.Web.Upstream;

/// <summary>Passes the caller's API key on to the query service (metadata x-api-key) on every call.</summary>
internal sealed class ApiKeyForwardingInterceptor(IHttpContextAccessor accessor) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (CallerApiKey.From(accessor.HttpContext) is not { } key)
            return continuation(request, context);
        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? [])
        {
            if (!string.Equals(entry.Key, CallerApiKey.MetadataKey, StringComparison.OrdinalIgnoreCase))
                headers.Add(entry);
        }
        headers.Add(CallerApiKey.MetadataKey, key);
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(
            context.Method, context.Host, context.Options.WithHeaders(headers)));
    }
}
