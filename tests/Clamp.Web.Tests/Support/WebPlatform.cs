using System.Net.Http.Json;
using System.Text.Json;
using Clamp.Embedding.Tests.Support;
using Clamp.Inference.Tests.Fixtures;
using Clamp.Ingest;
using Clamp.Patching;
using Clamp.Query;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clamp.Web.Tests.Support;

/// <summary>
/// The whole platform behind the web page, for real: the ingest API, the patching service, the embedding service
/// with the repository's default model (models/clamp-small), the vector store and the query service, joined by this
/// fixture's own PostgreSQL database and RabbitMQ virtual host, and the web service in front of them; every one on
/// its own loopback port. The query service records the API key of each call, to show the web service forwards it.
/// </summary>
public sealed class WebPlatform : IAsyncLifetime
{
    public const string ApiKey = TestCredentials.ApiKey;
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IsolatedInfrastructure infrastructure = new();
    // An empty content root: the appsettings.json that referenced services copy into this output must not bind ports.
    private readonly TempDirectory contentRoot = new();
    private readonly List<WebApplication> apps = [];
    private readonly List<InProcessGrpcHost> grpcHosts = [];
    private EmbeddingHost? embedding;

    public Uri WebUrl { get; private set; } = null!;
    public Uri IngestUrl { get; private set; } = null!;
    public Uri QueryAddress { get; private set; } = null!;
    public ApiKeyRecorder QueryKeys { get; } = new();

    /// <summary>A client of the web service sending the test's API key, as the page does.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var bus = infrastructure.ServiceConfiguration();
        bus["Logging:LogLevel:Default"] = "Warning";

        embedding = await EmbeddingHost.StartAsync(Path.GetDirectoryName(DefaultModel.Directory)!, messageBus: bus);
        var vectorStore = await VectorStoreTestHost.StartAsync(infrastructure);
        grpcHosts.Add(vectorStore);
        var query = await InProcessGrpcHost.StartAsync(
            new Dictionary<string, string?>(TestCredentials.Configuration())
            {
                ["Query:EmbedderAddress"] = $"http://{embedding.Channel.Target}",
                ["Query:VectorStoreAddress"] = vectorStore.Address.ToString(),
                ["Query:ServingVersionCacheMs"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            },
            builder =>
            {
                builder.AddQueryServices();
                builder.Services.AddSingleton(QueryKeys);
                builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<ApiKeyRecorder>());
            },
            app => app.MapQueryEndpoints());
        grpcHosts.Add(query);
        QueryAddress = query.Address;

        var services = new Dictionary<string, string?>(bus)
        {
            ["Ingest:Outbox:PollInterval"] = "00:00:00.200",
        };
        IngestUrl = await StartAsync(IngestApp.Build, services);
        await StartAsync(PatchingApp.Build, services);
        WebUrl = await StartWebAsync(IngestUrl, QueryAddress);
        Client = NewClient(ApiKey);
    }

    /// <summary>Another web service in front of the given addresses (e.g. of services that are down).</summary>
    public Task<Uri> StartWebAsync(Uri ingest, Uri query) => StartAsync(WebApp.Build, new Dictionary<string, string?>
    {
        ["Web:IngestAddress"] = ingest.ToString(),
        ["Web:QueryAddress"] = query.ToString(),
        ["Logging:LogLevel:Default"] = "Warning",
        // Each retry of a call to a service that is down is logged by Polly; the answer to the page says enough.
        ["Logging:LogLevel:Polly"] = "None",
    });

    public HttpClient NewClient(string? apiKey, Uri? web = null)
    {
        var client = new HttpClient { BaseAddress = web ?? WebUrl, Timeout = TimeSpan.FromSeconds(120) };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Uploads a file through the web service and waits until each of its scores is indexed; their ids.</summary>
    public async Task<IReadOnlyList<Guid>> UploadAndWaitAsync(string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var response = await Client.PostAsync("api/scores", form);
        Assert.True(response.IsSuccessStatusCode, $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var ids = batch.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
        foreach (var id in ids)
            await WaitForStatusAsync(id, "indexed");
        return ids;
    }

    public async Task<JsonElement> WaitForStatusAsync(Guid id, string status)
    {
        JsonElement score = default;
        await Eventually.TrueAsync(async () =>
            {
                score = await Client.GetFromJsonAsync<JsonElement>($"api/scores/{id}", Json);
                return score.GetProperty("status").GetString() is var now && (now == status || now == "failed");
            },
            () => $"score {id} did not become {status} (last: {score})", TimeSpan.FromSeconds(180));
        Assert.Equal(status, score.GetProperty("status").GetString());
        return score;
    }

    private async Task<Uri> StartAsync(Func<string[], IEnumerable<KeyValuePair<string, string?>>?, WebApplication> build, Dictionary<string, string?> configuration)
    {
        var url = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/");
        var app = build(["--urls", url.ToString(), "--contentRoot", contentRoot.Path], configuration);
        await app.StartAsync();
        apps.Add(app);
        return url;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        foreach (var app in Enumerable.Reverse(apps))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        foreach (var host in Enumerable.Reverse(grpcHosts))
            await host.DisposeAsync();
        if (embedding is not null)
            await embedding.DisposeAsync();
        await infrastructure.DisposeAsync();
        contentRoot.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class WebPlatformCollection : ICollectionFixture<WebPlatform>
{
    public const string Name = "web platform";
}
