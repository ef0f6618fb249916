using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clamp.Client;
using Clamp.Contracts.Messages;
using Clamp.Ingest;
using Clamp.Ingest.Api;
using Clamp.Testing;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Clamp.Ingest.Tests;

/// <summary>
/// The real ingest service on 127.0.0.1 (a free port) over this fixture's own PostgreSQL database and RabbitMQ
/// virtual host, an HTTP client holding an API key, and a probe that records what the service publishes.
/// </summary>
public class IngestHost : IAsyncLifetime
{
    public const string ApiKey = TestCredentials.ApiKey;
    public const string RateLimitedKey = "test-api-key-rate-limited-0001";
    public const int MaxUploadBytes = 64 * 1024;
    public const int RequestBurst = 40;
    public const int MaxBatchItems = 30;
    public const int MaxBatchUncompressedBytes = 4 * MaxUploadBytes;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private WebApplication? _app;

    public IsolatedInfrastructure Infrastructure { get; } = new();
    public MessageProbe Probe { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        Probe = await new MessageProbe(Infrastructure.Platform.RabbitMq, Infrastructure.VirtualHost)
            .Record<ScoreIngested>().Record<ScoreDeleted>().Record<ReindexProgress>().Record<ScorePatched>().Record<ScoreFailed>()
            .StartAsync();
        await StartServiceAsync();
    }

    /// <summary>The service's configuration: the fixture's infrastructure plus small limits and fast timings.</summary>
    public Dictionary<string, string?> Configuration()
    {
        var configuration = Infrastructure.ServiceConfiguration();
        configuration["Auth:ApiKeys:10:Key"] = RateLimitedKey;
        configuration["Auth:ApiKeys:10:Tenant"] = TestCredentials.Tenant;
        configuration["Ingest:MaxUploadBytes"] = MaxUploadBytes.ToString();
        configuration["Ingest:MaxEntryBytes"] = MaxUploadBytes.ToString();
        configuration["Ingest:RequestBurst"] = RequestBurst.ToString();
        configuration["Ingest:MaxBatchItems"] = MaxBatchItems.ToString();
        configuration["Ingest:MaxBatchUncompressedBytes"] = MaxBatchUncompressedBytes.ToString();
        configuration["Ingest:RequestsPerMinute"] = "60";
        configuration["Ingest:Outbox:PollInterval"] = "00:00:00.200";
        configuration["Ingest:Outbox:PublishTimeout"] = "00:00:05";
        configuration["Ingest:Outbox:MaxBackoff"] = "00:00:02";
        configuration["Ingest:Reindex:PageSize"] = "2";
        configuration["Ingest:Reindex:PollInterval"] = "00:00:00.200";
        configuration["Messaging:Retry:Limit"] = "2";
        configuration["Messaging:Retry:MinInterval"] = "00:00:00.050";
        configuration["Messaging:Retry:MaxInterval"] = "00:00:00.200";
        configuration["Messaging:Retry:IntervalDelta"] = "00:00:00.050";
        configuration["Logging:LogLevel:Default"] = "Warning";
        Configure(configuration);
        return configuration;
    }

    /// <summary>Changes the configuration of a fixture that needs other limits or timings.</summary>
    protected virtual void Configure(Dictionary<string, string?> configuration)
    {
    }

    public async Task StartServiceAsync()
    {
        var port = FreeTcpPort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _app = IngestApp.Build(["--urls", BaseAddress.ToString()], Configuration());
        await _app.StartAsync();
        Client = NewClient(ApiKey);
    }

    public async Task StopServiceAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public HttpClient NewClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public static MultipartFormDataContent Form(string fileName, byte[] content, params (string Name, string Value)[] fields) =>
        ScoreUploadForm.Create(fileName, content, fields.Select(field => KeyValuePair.Create(field.Name, field.Value)));

    public async Task<(HttpResponseMessage Response, UploadResponse Body)> UploadAsync(string fileName, byte[] content, params (string, string)[] fields)
    {
        var response = await Client.PostAsync("v1/scores", Form(fileName, content, fields));
        Assert.True(response.IsSuccessStatusCode, $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (response, (await response.Content.ReadFromJsonAsync<UploadResponse>(Json))!);
    }

    public async Task<BatchResponse> UploadBatchAsync(string fileName, byte[] content, params (string, string)[] fields)
    {
        var response = await Client.PostAsync("v1/scores:batch", Form(fileName, content, fields));
        Assert.True(response.IsSuccessStatusCode, $"batch upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BatchResponse>(Json))!;
    }

    public async Task<ScoreResponse?> GetScoreAsync(Guid id)
    {
        var response = await Client.GetAsync($"v1/scores/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ScoreResponse>(Json) : null;
    }

    public async Task<ScoreResponse> WaitForStatusAsync(Guid id, string status, TimeSpan? timeout = null)
    {
        ScoreResponse? score = null;
        await Eventually.TrueAsync(async () => (score = await GetScoreAsync(id))?.Status == status,
            $"score {id} did not become {status} (last: {score?.Status})", timeout ?? TimeSpan.FromSeconds(30));
        return score!;
    }

    /// <summary>Runs a scalar query on the fixture's database (to look at the outbox and the tables directly).</summary>
    public async Task<T> QueryAsync<T>(string sql, params object[] values)
    {
        await using var dataSource = NpgsqlDataSource.Create(Infrastructure.DatabaseConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
            command.Parameters.AddWithValue(value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public virtual async Task DisposeAsync()
    {
        await StopServiceAsync();
        if (Probe is not null)
            await Probe.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
