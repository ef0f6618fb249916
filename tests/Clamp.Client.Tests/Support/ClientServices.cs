using Microsoft.Extensions.DependencyInjection;

namespace Clamp.Client.Tests.Support;

/// <summary>The clients as a service gets them: a service provider with <c>AddClampClient</c> and the options given.</summary>
public static class ClientServices
{
    public static ServiceProvider With(Action<ClampClientOptions> configure) =>
        new ServiceCollection().AddClampClient(configure).BuildServiceProvider();

    public static ClampIngestClient Ingest(this ServiceProvider services) => services.GetRequiredService<ClampIngestClient>();

    public static ClampSearchClient Search(this ServiceProvider services) => services.GetRequiredService<ClampSearchClient>();
}
