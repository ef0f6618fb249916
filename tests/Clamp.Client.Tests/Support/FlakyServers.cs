using System.Net;
using Clamp.Contracts.Grpc;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clamp.Client.Tests.Support;

/// <summary>
/// A query service (gRPC <c>ScoreSearch</c>) that answers the first <see cref="UnavailableAnswers"/> Search calls
/// UNAVAILABLE, then a hit; answers Similar only when the caller gives up (it never completes on its own); and records
/// the key each call presented.
/// </summary>
public sealed class FlakyScoreSearch : ScoreSearch.ScoreSearchBase
{
    private int calls;

    public int UnavailableAnswers { get; set; }

    public int SearchCalls => calls;

    public List<string?> Keys { get; } = [];

    public override Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        lock (Keys) Keys.Add(context.RequestHeaders.GetValue("x-api-key"));
        if (Interlocked.Increment(ref calls) <= UnavailableAnswers)
            throw new RpcException(new Status(StatusCode.Unavailable, "starting up"));
        return Task.FromResult(new SearchResponse { Hits = { new ScoreHit { ScoreId = "s1", Title = request.Query } } });
    }

    public override async Task<SimilarResponse> Similar(SimilarRequest request, ServerCallContext context)
    {
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return new SimilarResponse();
    }

    public static Task<InProcessGrpcHost> StartAsync(FlakyScoreSearch service) => InProcessGrpcHost.StartAsync(
        new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" },
        builder =>
        {
            builder.Services.AddGrpc();
            builder.Services.AddSingleton(service);
        },
        app => app.MapGrpcService<FlakyScoreSearch>());
}

/// <summary>
/// An ingest API stand-in on a loopback port: <c>POST /v1/scores</c> answers 503 (Retry-After 0) the first
/// <see cref="UnavailableAnswers"/> times, then 201 with a fixed id; <c>GET /v1/scores/{id}</c> never answers.
/// </summary>
public sealed class FlakyIngest : IAsyncDisposable
{
    public static readonly Guid StoredId = Guid.Parse("0190c2a4-0000-7000-8000-00000000abcd");

    private readonly WebApplication app;
    private int uploads;

    private FlakyIngest(int unavailableAnswers)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreeTcpPort.Next()}");
        app = builder.Build();
        app.MapPost("/v1/scores", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref uploads) <= unavailableAnswers)
            {
                context.Response.Headers.RetryAfter = "0";
                return Results.StatusCode((int)HttpStatusCode.ServiceUnavailable);
            }

            return Results.Created($"/v1/scores/{StoredId}", new { id = StoredId });
        });
        app.MapGet("/v1/scores/{id:guid}", async (Guid id, CancellationToken aborted) =>
        {
            await Task.Delay(Timeout.Infinite, aborted);
            return Results.Ok();
        });
    }

    public Uri Address => new(app.Urls.Single());

    public int Uploads => uploads;

    public static async Task<FlakyIngest> StartAsync(int unavailableAnswers)
    {
        var ingest = new FlakyIngest(unavailableAnswers);
        await ingest.app.StartAsync();
        return ingest;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
