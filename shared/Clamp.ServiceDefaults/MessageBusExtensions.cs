using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults;

public static class MessageBusExtensions
{
    /// <summary>RabbitMq:QueuePrefix, or the service's name ("Clamp.Embedding" -> "embedding").</summary>
    private static string QueuePrefix(IHostApplicationBuilder builder) =>
        builder.Configuration[$"{RabbitMqOptions.Section}:{nameof(RabbitMqOptions.QueuePrefix)}"] is { Length: > 0 } configured
            ? configured
            : builder.Environment.ApplicationName.Split('.')[^1].ToLowerInvariant();

    /// <summary>
    /// MassTransit over RabbitMQ, configured from <see cref="RabbitMqOptions"/>. Each service registers its
    /// consumers (with their <c>ConsumerDefinition</c>s) in <paramref name="configureConsumers"/>; queues are
    /// named in kebab case after the service and the consumer, e.g. "embedding-score-patched".
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        builder.Services.AddOptions<RabbitMqOptions>()
            .BindConfiguration(RabbitMqOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RabbitMqOptions>, DefaultSecretsValidator>();

        // Start-up completes only once the bus is connected and every receive endpoint is bound,
        // so nothing is published before its queues exist.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });

        var queuePrefix = QueuePrefix(builder);
        builder.Services.AddMassTransit(bus =>
        {
            // Queues are named per service ("embedding-score-patched"): two services that consume the same
            // message each get their own queue instead of taking each other's messages.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix + "-", includeNamespace: false));
            bus.AddConfigureEndpointsCallback((context, queueName, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    rabbit.UseDeliveryLimit(queueName, context.GetRequiredService<IOptions<RabbitMqOptions>>().Value.DeliveryLimit);
            });
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rabbit.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                });
                if (options.PrefetchCount > 0)
                    rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.KeepErrorQueuesPlain();
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
