using MassTransit;

namespace Clamp.LoadTest;

/// <summary>
/// A MassTransit bus on the RabbitMQ virtual host of the vector store under test, to publish the platform's messages
/// as its services do (same contracts, same exchanges). --rabbitmq-host, --rabbitmq-port, --rabbitmq-vhost,
/// --rabbitmq-user and --rabbitmq-password, else the services' own RabbitMq__* environment.
/// </summary>
internal static class LoadTestBus
{
    public static IBusControl Create(Arguments args)
    {
        string Setting(string name, string variable, string fallback) => args.Text("rabbitmq-" + name, Environment.GetEnvironmentVariable("RabbitMq__" + variable) ?? fallback);
        var host = Setting("host", "Host", "127.0.0.1");
        var port = ushort.Parse(Setting("port", "Port", "5672"), System.Globalization.CultureInfo.InvariantCulture);
        var virtualHost = Setting("vhost", "VirtualHost", "/");
        var user = Setting("user", "Username", "guest");
        var password = Setting("password", "Password", "guest");
        return Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(host, port, virtualHost, h =>
        {
            h.Username(user);
            h.Password(password);
        }));
    }
}
