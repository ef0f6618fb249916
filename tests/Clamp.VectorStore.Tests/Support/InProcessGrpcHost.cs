using System.Net;
using Clamp.ServiceDefaults.Auth;
using Clamp.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Clamp.VectorStore.Tests.Support;

/// <summary>
/// A service hosted in the test process the way it runs for real: Kestrel on 127.0.0.1 with a free port,
/// HTTP/2 cleartext, reached through a real <see cref="GrpcChannel"/> whose calls present a key (the service key of
/// <see cref="TestCredentials"/> unless the host is started with another).
/// </summary>
public sealed class InProcessGrpcHost : IAsyncDisposable
{
    private readonly GrpcChannel channel;

    private InProcessGrpcHost(WebApplication app, Uri address, string clientKey)
    {
        App = app;
        Address = address;
        channel = GrpcChannel.ForAddress(address);
        Calls = channel.Intercept(new KeyMetadataInterceptor(clientKey));
    }

    public WebApplication App { get; }
    public Uri Address { get; }

    /// <summary>Calls to the service, each presenting the host's client key.</summary>
    public CallInvoker Calls { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<InProcessGrpcHost> StartAsync(
        IDictionary<string, string?> configuration,
        Action<IHostApplicationBuilder> addServices,
        Action<WebApplication> mapEndpoints,
        string environment = "Development",
        string clientKey = TestCredentials.ServiceKey)
    {
        var port = FreeTcpPort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        // Only the test's settings: appsettings.json files copied from referenced services would bind their ports.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        addServices(builder);
        var app = builder.Build();
        mapEndpoints(app);
        await app.StartAsync();
        return new InProcessGrpcHost(app, new Uri($"http://127.0.0.1:{port}"), clientKey);
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
