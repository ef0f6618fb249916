using System.Net;

namespace Clamp.Ingest.Tests;

/// <summary>An ingest service that refuses a client after three wrong keys a minute.</summary>
[Trait("Suite", "Hostile")]
public sealed class LockoutIngestHost : IngestHost
{
    public const int Limit = 3;

    protected override void Configure(Dictionary<string, string?> configuration) =>
        configuration["Auth:FailedAttempts:Limit"] = Limit.ToString();
}

/// <summary>Failed authentication is limited per client address: past the limit, the client gets 429 whatever key it sends.</summary>
public sealed class FailedAuthenticationTests(LockoutIngestHost host) : IClassFixture<LockoutIngestHost>
{
    [Fact]
    public async Task After_the_limit_of_wrong_keys_the_client_is_answered_429_even_with_the_right_key()
    {
        using var guesser = host.NewClient("guessed-key-000000000000000000");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LockoutIngestHost.Limit + 2; i++)
            statuses.Add((await guesser.GetAsync($"v1/scores/{Guid.NewGuid()}")).StatusCode);
        var right = await host.Client.GetAsync($"v1/scores/{Guid.NewGuid()}");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, LockoutIngestHost.Limit), statuses.Take(LockoutIngestHost.Limit));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(LockoutIngestHost.Limit));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a refused client is told when to come back");
    }
}
