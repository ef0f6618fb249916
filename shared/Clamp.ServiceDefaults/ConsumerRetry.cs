using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clamp.ServiceDefaults;

/// <summary>
/// How pipeline consumers retry, bound from "Messaging:Retry" (environment: Messaging__Retry__Limit …).
/// After the last retry MassTransit moves the message to the endpoint's "_error" queue and publishes Fault&lt;T&gt;.
/// </summary>
public sealed class ConsumerRetryOptions
{
    public const string Section = "Messaging:Retry";

    public int Limit { get; set; } = 5;
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(400);
}

public static class ConsumerRetryExtensions
{
    /// <summary>
    /// Exponential-backoff retries (see <see cref="ConsumerRetryOptions"/>) and an in-memory outbox, so a consumer's
    /// messages are published only once it has succeeded. Call from a <c>ConsumerDefinition.ConfigureConsumer</c>.
    /// </summary>
    public static void UsePipelineRetry(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        var options = context.GetRequiredService<IConfiguration>().GetSection(ConsumerRetryOptions.Section).Get<ConsumerRetryOptions>()
            ?? new ConsumerRetryOptions();
        endpoint.UseMessageRetry(retry => retry.Exponential(options.Limit, options.MinInterval, options.MaxInterval, options.IntervalDelta));
        endpoint.UseInMemoryOutbox(context);
    }
}
