using System.Net;

namespace Clamp.Testing;

/// <summary>
/// Retries idempotent calls to RabbitMQ's management API that fail with a server error. RabbitMQ 3.10's API answers
/// 500 for a while when a vhost's queues are listed just after they were declared (its statistics database has no
/// entry for them yet: <c>badkey</c> in <c>rabbit_mgmt_db</c>), and after a restart of its statistics process; a test
/// that asks again a moment later gets the answer. Non-idempotent calls (POST) are never repeated.
/// </summary>
public sealed class ManagementApiRetryHandler(int attempts = 10, TimeSpan? pause = null) : DelegatingHandler(new HttpClientHandler())
{
    private readonly TimeSpan _pause = pause ?? TimeSpan.FromMilliseconds(300);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var idempotent = request.Method == HttpMethod.Get || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete;
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!idempotent || attempt >= attempts || response.StatusCode < HttpStatusCode.InternalServerError)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(_pause, cancellationToken);
        }
    }
}
