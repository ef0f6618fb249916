using Clamp.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Clamp.Cli.Commands.Connection;

/// <summary>
/// The platform's clients (<see cref="ClampIngestClient"/>, <see cref="ClampSearchClient"/> from Clamp.Client) for one
/// command, made from its <see cref="PlatformSettings"/> with <c>AddClampClient</c>, as any .NET service makes them.
/// </summary>
public sealed class PlatformConnection : IDisposable
{
    /// <summary>Time limit of an ingest request (an upload of a large file included).</summary>
    public static readonly TimeSpan IngestTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Retries of a 429 or 503: the ingest API's rate limit paces a large upload with Retry-After.</summary>
    private const int Retries = 10;

    private readonly ServiceProvider services;

    private PlatformConnection(ServiceProvider services) => this.services = services;

    public ClampIngestClient Ingest => services.GetRequiredService<ClampIngestClient>();

    public ClampSearchClient Search => services.GetRequiredService<ClampSearchClient>();

    /// <summary>Clients of the platform of <paramref name="settings"/>, each call limited to <paramref name="timeout"/>.</summary>
    public static PlatformConnection Open(PlatformSettings settings, TimeSpan timeout) =>
        new(new ServiceCollection()
            .AddClampClient(options =>
            {
                options.IngestUrl = settings.IngestUrl;
                options.QueryAddress = settings.QueryAddress;
                options.ApiKey = settings.ApiKey;
                options.Timeout = timeout;
                options.RetryCount = Retries;
            })
            .BuildServiceProvider());

    public void Dispose() => services.Dispose();
}
