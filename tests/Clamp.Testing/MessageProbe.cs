using System.Collections.Concurrent;
using MassTransit;

namespace Clamp.Testing;

/// <summary>
/// A test's own MassTransit bus on a RabbitMQ virtual host: it records every message of the types asked for
/// (each in its own "probe-…" queue, bound before the test publishes anything) and publishes messages as a
/// service would. <code>await using var probe = await new MessageProbe(rabbit, vhost).Record&lt;ScoreIngested&gt;().StartAsync();</code>
/// Two probes on one virtual host that take the same message type need different <paramref name="name"/>s (their queues
/// are named after it), or they would share one queue and each get only some of the messages.
/// </summary>
public sealed class MessageProbe(RabbitMqEndpoint rabbit, string virtualHost, string name = "probe") : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<object> _received = new();
    private readonly List<Action<IRabbitMqBusFactoryConfigurator>> _endpoints = [];
    private IBusControl? _bus;

    public IBus Bus => _bus ?? throw new InvalidOperationException("Start the probe first.");

    /// <summary>Records messages of type <typeparamref name="T"/> (call before <see cref="StartAsync"/>).</summary>
    public MessageProbe Record<T>() where T : class => Handle<T>(context =>
    {
        _received.Enqueue(context.Message);
        return Task.CompletedTask;
    });

    /// <summary>
    /// Answers messages of type <typeparamref name="T"/> with <paramref name="handler"/> (call before
    /// <see cref="StartAsync"/>), to stand in for a service: e.g. publish <c>ScoreIndexed</c> for each <c>ScorePatched</c>.
    /// </summary>
    public MessageProbe Handle<T>(Func<ConsumeContext<T>, Task> handler) where T : class
    {
        _endpoints.Add(bus => bus.ReceiveEndpoint($"{name}-{QueueName(typeof(T))}", endpoint => endpoint.Handler<T>(context => handler(context))));
        return this;
    }

    /// <summary>"score-ingested" for ScoreIngested, "fault-score-ingested" for Fault&lt;ScoreIngested&gt;.</summary>
    private static string QueueName(Type type) => type.IsGenericType
        ? string.Join("-", type.GetGenericArguments().Select(QueueName).Prepend(QueueName(type.Name[..type.Name.IndexOf('`')])))
        : QueueName(type.Name);

    private static string QueueName(string typeName) => KebabCaseEndpointNameFormatter.Instance.SanitizeName(typeName);

    public async Task<MessageProbe> StartAsync()
    {
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(rabbit.Host, (ushort)rabbit.Port, virtualHost, host =>
            {
                host.Username(rabbit.Username);
                host.Password(rabbit.Password);
            });
            foreach (var endpoint in _endpoints)
                endpoint(bus);
        });
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _bus.StartAsync(timeout.Token);
        return this;
    }

    /// <summary>The messages of type <typeparamref name="T"/> received so far.</summary>
    public IReadOnlyList<T> Received<T>() => _received.OfType<T>().ToList();

    /// <summary>The first received <typeparamref name="T"/> that matches; fails the test after the timeout.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan? timeout = null)
    {
        T? found = default;
        await Eventually.TrueAsync(() => (found = Received<T>().FirstOrDefault(match)) is not null,
            $"no matching {typeof(T).Name} arrived", timeout ?? DefaultTimeout);
        return found!;
    }

    public Task PublishAsync<T>(T message) where T : class => Bus.Publish(message);

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
            await _bus.StopAsync();
    }
}
