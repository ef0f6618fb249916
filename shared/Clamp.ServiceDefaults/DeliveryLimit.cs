using MassTransit;

namespace Clamp.ServiceDefaults;

/// <summary>
/// The broker's own bound on redelivery. MassTransit's retries and its "_error" queue catch a consumer that throws,
/// but not one whose process dies while it holds the message (a crash, an out-of-memory kill): RabbitMQ then gives
/// the message back to the queue, and a classic queue delivers it again for ever, killing every consumer that takes
/// it. A quorum queue counts deliveries (x-delivery-count); past x-delivery-limit it dead-letters the message, here
/// to the queue's "_error" exchange and queue, where MassTransit's faulted messages go too (scripts/redrive.sh).
/// </summary>
public static class DeliveryLimit
{
    /// <summary>Makes the endpoint's queue a quorum queue that dead-letters to "<paramref name="queueName"/>_error" after
    /// <paramref name="limit"/> deliveries; 0 leaves the queue classic and unbounded.</summary>
    public static void UseDeliveryLimit(this IRabbitMqReceiveEndpointConfigurator endpoint, string queueName, int limit)
    {
        if (limit <= 0)
            return;
        endpoint.SetQuorumQueue();
        endpoint.SetQueueArgument("x-delivery-limit", limit);
        // Declared with the endpoint (not lazily, on the first fault, as MassTransit declares it), so the broker
        // has somewhere to put the first dead letter.
        var errorQueue = queueName + "_error";
        endpoint.BindDeadLetterQueue(errorQueue, errorQueue);
    }

    /// <summary>
    /// MassTransit declares a queue's "_error" (and "_skipped") queue with the queue's own arguments. Those stay
    /// classic and plain, as <see cref="UseDeliveryLimit"/> declares them: an error queue is not consumed, and a
    /// dead-letter exchange pointing at itself would make no sense.
    /// </summary>
    public static void KeepErrorQueuesPlain(this IRabbitMqBusFactoryConfigurator rabbit)
    {
        rabbit.SendTopology.ConfigureErrorSettings = WithoutQueueArguments;
        rabbit.SendTopology.ConfigureDeadLetterSettings = WithoutQueueArguments;
    }

    private static readonly string[] QueueArguments = ["x-queue-type", "x-delivery-limit", "x-dead-letter-exchange"];

    private static void WithoutQueueArguments(IRabbitMqQueueBindingConfigurator queue)
    {
        foreach (var argument in QueueArguments)
            queue.SetQueueArgument(argument, null!);
    }
}
