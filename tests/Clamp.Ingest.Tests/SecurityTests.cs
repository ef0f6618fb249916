using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Clamp.Ingest.Tests;

/// <summary>API keys on every route, the rate limit per key, and the OpenAPI document (behind the management key).</summary>
[Trait("Suite", "Hostile")]
public sealed class SecurityTests(IngestHost host) : IClassFixture<IngestHost>
{
    [Theory]
    [InlineData("GET", "v1/scores/6f1c1f52-4c1e-4a53-9a7d-3c2b1f0e9d8c")]
    [InlineData("GET", "v1/scores/6f1c1f52-4c1e-4a53-9a7d-3c2b1f0e9d8c/content")]
    [InlineData("DELETE", "v1/scores/6f1c1f52-4c1e-4a53-9a7d-3c2b1f0e9d8c")]
    [InlineData("GET", "v1/scores?status=failed")]
    [InlineData("POST", "v1/scores")]
    [InlineData("POST", "v1/scores:batch")]
    [InlineData("POST", "v1/reindex")]
    [InlineData("GET", "v1/reindex/6f1c1f52-4c1e-4a53-9a7d-3c2b1f0e9d8c")]
    public async Task Every_route_answers_401_without_a_valid_key(string method, string path)
    {
        using var anonymous = host.NewClient(apiKey: null);
        using var wrongKey = host.NewClient("not-a-key");

        foreach (var client in new[] { anonymous, wrongKey })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = (method, path) switch
                {
                    ("POST", "v1/reindex") => JsonContent.Create(new { modelId = "m", modelVersion = "1" }),
                    ("POST", _) => IngestHost.Form("x.abc", TestScores.UniqueTune()),
                    _ => null,
                },
            });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_bearer_token_holding_the_key_is_accepted()
    {
        using var client = host.NewClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestHost.ApiKey);

        var response = await client.GetAsync($"v1/scores/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_key_over_its_rate_is_answered_429_while_other_keys_go_on()
    {
        using var client = host.NewClient(IngestHost.RateLimitedKey);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < IngestHost.RequestBurst + 10; i++)
            statuses.Add((await client.GetAsync($"v1/scores/{Guid.NewGuid()}")).StatusCode);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.NotFound, statuses[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"v1/scores/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_routes_and_the_API_key_scheme_for_the_management_key()
    {
        using var anonymous = host.NewClient(apiKey: null);
        using var tenant = host.NewClient(IngestHost.ApiKey);
        using var manager = host.NewClient(Clamp.Testing.TestCredentials.ManagementKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.GetAsync("openapi/v1.json")).StatusCode);
        var response = await manager.GetAsync("openapi/v1.json");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/v1/scores", "/v1/scores:batch", "/v1/scores/{id}", "/v1/reindex", "/v1/reindex/{jobId}" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        var form = paths.GetProperty("/v1/scores").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        Assert.Equal("binary", form.GetProperty("file").GetProperty("format").GetString());
        Assert.True(form.TryGetProperty("tags", out _));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }
}
