using System.Net;
using System.Net.Http.Json;
using Clamp.Ingest.Api;
using Clamp.Testing;

namespace Clamp.Ingest.Tests;

/// <summary>
/// Scores belong to the tenant of the key that uploaded them: another tenant's score is "no such score" (404, never
/// 403), deduplication is per tenant, a shared tenant's scores are read by every key and deleted only by its own, and
/// re-indexing needs an admin key.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class TenancyTests(IngestHost host) : IClassFixture<IngestHost>
{
    private HttpClient Alpha => host.Client;

    [Fact]
    public async Task Another_tenant_can_neither_get_list_nor_delete_a_score()
    {
        using var beta = host.NewClient(TestCredentials.OtherTenantKey);
        var (_, score) = await host.UploadAsync("alpha.abc", TestScores.UniqueTune());

        var get = await beta.GetAsync($"v1/scores/{score.Id}");
        var listed = await ListAsync(beta);
        var delete = await beta.DeleteAsync($"v1/scores/{score.Id}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal($"There is no score {score.Id}.", (await get.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString());
        Assert.DoesNotContain(score.Id, listed);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Alpha.GetAsync($"v1/scores/{score.Id}")).StatusCode);
        Assert.Contains(score.Id, await ListAsync(Alpha));
    }

    [Fact]
    public async Task The_same_content_from_two_tenants_is_two_scores_and_neither_deletes_the_other()
    {
        using var beta = host.NewClient(TestCredentials.OtherTenantKey);
        var tune = TestScores.UniqueTune();

        var (alphaResponse, alphaScore) = await host.UploadAsync("same.abc", tune);
        var betaFirst = await UploadAsync(beta, tune);
        var betaAgain = await UploadAsync(beta, tune);

        Assert.Equal(HttpStatusCode.Created, alphaResponse.StatusCode);
        Assert.False(betaFirst.Duplicate);
        Assert.NotEqual(alphaScore.Id, betaFirst.Id);
        Assert.Equal((betaFirst.Id, true), (betaAgain.Id, betaAgain.Duplicate));
        Assert.Equal(HttpStatusCode.NotFound, (await beta.DeleteAsync($"v1/scores/{alphaScore.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await beta.DeleteAsync($"v1/scores/{betaFirst.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Alpha.GetAsync($"v1/scores/{alphaScore.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_shared_tenants_scores_are_read_by_every_key_and_deleted_only_by_its_own()
    {
        using var library = host.NewClient(TestCredentials.SharedTenantKey);
        using var beta = host.NewClient(TestCredentials.OtherTenantKey);
        var shared = await UploadAsync(library, TestScores.UniqueTune());

        Assert.Equal(HttpStatusCode.OK, (await Alpha.GetAsync($"v1/scores/{shared.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await beta.GetAsync($"v1/scores/{shared.Id}")).StatusCode);
        Assert.Contains(shared.Id, await ListAsync(beta));
        Assert.Equal(HttpStatusCode.Forbidden, (await Alpha.DeleteAsync($"v1/scores/{shared.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await library.DeleteAsync($"v1/scores/{shared.Id}")).StatusCode);
    }

    [Fact]
    public async Task Reindexing_needs_an_admin_key()
    {
        using var admin = host.NewClient(TestCredentials.AdminKey);
        var request = new ReindexRequest("clamp-small", "9.9.9");

        var refused = await Alpha.PostAsJsonAsync("v1/reindex", request);
        var started = await admin.PostAsJsonAsync("v1/reindex", request);
        var job = (await started.Content.ReadFromJsonAsync<ReindexJobResponse>(IngestHost.Json))!;

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Alpha.GetAsync($"v1/reindex/{job.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"v1/reindex/{job.Id}")).StatusCode);
    }

    private static async Task<UploadResponse> UploadAsync(HttpClient client, byte[] tune)
    {
        var response = await client.PostAsync("v1/scores", IngestHost.Form("tune.abc", tune));
        Assert.True(response.IsSuccessStatusCode, $"upload answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<UploadResponse>(IngestHost.Json))!;
    }

    private static async Task<IReadOnlyList<Guid>> ListAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<ScoreListResponse>("v1/scores?limit=1000", IngestHost.Json);
        return page!.Items.Select(s => s.Id).ToList();
    }
}
