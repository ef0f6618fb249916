using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Clamp.LoadTest;

/// <summary>
/// What the ingest run looks like over time, sampled every half second while it runs: scores accepted by the ingest API
/// and scores searchable (cumulative), and the messages waiting at each stage's queue (RabbitMQ management API):
/// to be patched, to be embedded, to be stored. Written as a PNG by <see cref="IngestTimelinePlot"/>.
/// </summary>
internal sealed class IngestTimeline : IAsyncDisposable
{
    /// <summary>The stage queues, in pipeline order, and what a message waiting in each is waiting for.</summary>
    public static readonly (string Queue, string Label)[] Stages =
    [
        ("patching-score-ingested", "waiting to be patched"),
        ("embedding-score-patched", "waiting to be embedded"),
        ("vector-store-score-embedded", "waiting to be stored"),
    ];

    private readonly Stopwatch _clock;
    private readonly Func<Task<long>> _searchable;
    private readonly HttpClient? _management;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TimelineSample> _samples = [];
    private readonly Task _sampling;
    private long _accepted;

    public IngestTimeline(Stopwatch clock, Func<Task<long>> searchable, Uri? management, string user, string password)
    {
        _clock = clock;
        _searchable = searchable;
        if (management is not null)
        {
            _management = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(5) };
            _management.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        _sampling = SampleAsync();
    }

    public IReadOnlyList<TimelineSample> Samples => _samples;

    /// <summary>Counts scores the ingest API has accepted so far.</summary>
    public void Accepted(int scores) => Interlocked.Add(ref _accepted, scores);

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        do
        {
            _samples.Add(new TimelineSample(_clock.Elapsed.TotalSeconds, Interlocked.Read(ref _accepted), await _searchable(), await QueueDepthsAsync()));
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Messages in each stage queue (ready + unacknowledged), or none when the management API is not reachable.</summary>
    private async Task<long[]?> QueueDepthsAsync()
    {
        if (_management is null) return null;
        try
        {
            using var document = JsonDocument.Parse(await _management.GetStringAsync("api/queues/%2F?columns=name,messages"));
            var depths = document.RootElement.EnumerateArray().ToDictionary(
                q => q.GetProperty("name").GetString()!, q => q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0);
            return Stages.Select(s => depths.GetValueOrDefault(s.Queue)).ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        _management?.Dispose();
    }
}

/// <summary>One sample: seconds since the run started, cumulative accepted and searchable scores, queue depths per stage.</summary>
internal sealed record TimelineSample(double Seconds, long Accepted, long Searchable, long[]? Waiting);
