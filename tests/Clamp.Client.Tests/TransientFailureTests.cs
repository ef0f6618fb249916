using Clamp.Client.Tests.Support;
using Clamp.Contracts.Grpc;
using Grpc.Core;
using System.Net;

namespace Clamp.Client.Tests;

/// <summary>Retries of transient failures (gRPC UNAVAILABLE, HTTP 503) and deadlines, against small in-process servers.</summary>
public sealed class TransientFailureTests
{
    [Fact]
    public async Task A_query_answered_UNAVAILABLE_once_is_retried_and_answers_with_the_key_on_every_attempt()
    {
        var service = new FlakyScoreSearch { UnavailableAnswers = 1 };
        await using var host = await FlakyScoreSearch.StartAsync(service);
        using var services = ClientServices.With(o => { o.QueryAddress = host.Address; o.ApiKey = "key-1"; o.RetryCount = 3; });

        var response = await services.Search().SearchAsync("a jig");

        Assert.Equal("a jig", Assert.Single(response.Hits).Title);
        Assert.Equal(2, service.SearchCalls);
        Assert.Equal(["key-1", "key-1"], service.Keys);
    }

    [Fact]
    public async Task Without_retries_a_query_answered_UNAVAILABLE_is_an_unreachable_failure()
    {
        var service = new FlakyScoreSearch { UnavailableAnswers = 1 };
        await using var host = await FlakyScoreSearch.StartAsync(service);
        using var services = ClientServices.With(o => { o.QueryAddress = host.Address; o.RetryCount = 0; });

        var e = await Assert.ThrowsAsync<ClampException>(() => services.Search().SearchAsync("a jig"));

        Assert.Equal(ClampFailure.Unreachable, e.Failure);
        Assert.Equal(StatusCode.Unavailable, e.GrpcStatus);
        Assert.Equal("starting up", e.Reason);
        Assert.Equal(1, service.SearchCalls);
    }

    [Fact]
    public async Task A_query_the_server_does_not_answer_fails_at_its_deadline()
    {
        await using var host = await FlakyScoreSearch.StartAsync(new FlakyScoreSearch());
        using var services = ClientServices.With(o => { o.QueryAddress = host.Address; o.Timeout = TimeSpan.FromMilliseconds(300); });

        var e = await Assert.ThrowsAsync<ClampException>(() => services.Search().SimilarAsync("s1"));

        Assert.Equal(ClampFailure.DeadlineExceeded, e.Failure);
        Assert.Equal(StatusCode.DeadlineExceeded, e.GrpcStatus);
    }

    [Fact]
    public async Task An_upload_answered_503_once_is_retried_and_returns_the_id()
    {
        await using var ingest = await FlakyIngest.StartAsync(unavailableAnswers: 1);
        using var services = ClientServices.With(o => { o.IngestUrl = ingest.Address; o.RetryCount = 3; });

        var id = await services.Ingest().UploadAsync("tune.abc", "X:1\nK:D\nABC|\n"u8.ToArray());

        Assert.Equal(FlakyIngest.StoredId, id);
        Assert.Equal(2, ingest.Uploads);
    }

    [Fact]
    public async Task An_upload_answered_503_more_often_than_the_retries_allow_is_an_unreachable_failure()
    {
        await using var ingest = await FlakyIngest.StartAsync(unavailableAnswers: 5);
        using var services = ClientServices.With(o => { o.IngestUrl = ingest.Address; o.RetryCount = 1; });

        var e = await Assert.ThrowsAsync<ClampException>(() => services.Ingest().UploadAsync("tune.abc", new MemoryStream("X:1\nK:D\nABC|\n"u8.ToArray())));

        Assert.Equal(ClampFailure.Unreachable, e.Failure);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.HttpStatus);
        Assert.Equal(2, ingest.Uploads);
    }

    [Fact]
    public async Task A_status_request_the_server_does_not_answer_fails_at_the_timeout()
    {
        await using var ingest = await FlakyIngest.StartAsync(unavailableAnswers: 0);
        using var services = ClientServices.With(o => { o.IngestUrl = ingest.Address; o.Timeout = TimeSpan.FromMilliseconds(300); });

        var e = await Assert.ThrowsAsync<ClampException>(() => services.Ingest().GetScoreAsync(Guid.NewGuid()));

        Assert.Equal(ClampFailure.DeadlineExceeded, e.Failure);
    }
}
