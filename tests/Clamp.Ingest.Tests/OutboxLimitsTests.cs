using System.Diagnostics.Metrics;
using System.Reflection;
using Clamp.Contracts.Messages;
using Clamp.Ingest.Outbox;
using Clamp.Ingest.Storage;
using Clamp.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Clamp.Ingest.Tests;

/// <summary>
/// The outbox relay's bounds, one round at a time over the real database and broker: a round holds at most
/// Ingest:Outbox:MaxBatchBytes of payload, and a message the broker keeps refusing while it takes the others is set
/// aside after Ingest:Outbox:MaxAttempts rounds (its score marked failed, counted in the set-aside metric).
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class OutboxLimitsTests(OutboxLimitsTests.Host host) : IClassFixture<OutboxLimitsTests.Host>, IAsyncLifetime
{
    /// <summary>The schema and the broker without the service: only the relay each test builds publishes.</summary>
    public sealed class Host : IngestHost
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await StopServiceAsync();
        }
    }

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(host.Infrastructure.DatabaseConnectionString);
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public async Task InitializeAsync()
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM ingest.outbox");
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _metrics.DisposeAsync();
    }

    [Fact]
    public async Task A_round_holds_the_oldest_messages_that_fit_in_the_byte_limit_and_at_least_one()
    {
        var settings = new OutboxOptions { BatchSize = 100, MaxBatchBytes = 100_000 };
        // Payloads of about 200 kB (alone over the limit), then three of about 40 kB (two fit in one round).
        var scores = await StoreAsync(150_000, 30_000, 30_000, 30_000);
        var relay = NewRelay(host.Probe.Bus, settings);

        var rounds = new List<int>();
        for (var round = 0; round < 4; round++)
            rounds.Add(await relay.RelayOnceAsync(settings, CancellationToken.None));

        Assert.Equal([1, 2, 1, 0], rounds);
        Assert.Equal(scores, await SentOrderAsync());
        foreach (var id in scores)
            await host.Probe.WaitForAsync<ScoreIngested>(m => m.ScoreId == id);
    }

    [Fact]
    public async Task A_message_the_broker_refuses_while_it_takes_the_others_is_set_aside_after_the_attempt_limit()
    {
        var settings = new OutboxOptions { MaxAttempts = 3 };
        var poison = (await StoreAsync(100))[0];
        var bus = RefusingBus.For(host.Probe.Bus, poison);
        var relay = NewRelay(bus.Bus, settings);
        using var setAside = new MeasurementRecorder(_metrics.GetRequiredService<IMeterFactory>(), "clamp.ingest.outbox.set_aside");

        for (var round = 1; round <= 5; round++)
        {
            var other = (await StoreAsync(100))[0];
            var relayed = RelayOnceAsync(relay, settings);
            if (round < settings.MaxAttempts)
                await Assert.ThrowsAsync<OutboxPublishException>(() => relayed);
            else
                await relayed;
            await host.Probe.WaitForAsync<ScoreIngested>(m => m.ScoreId == other);
        }

        Assert.Equal(settings.MaxAttempts, bus.Refused);
        Assert.Equal((true, settings.MaxAttempts), await OutboxStateAsync(poison));
        Assert.Equal("failed", await ScalarAsync<string>("SELECT status FROM ingest.scores WHERE id = $1", poison));
        Assert.Equal(OutboxRowStates.SetAsideCode, await ScalarAsync<string>("SELECT failure_code FROM ingest.scores WHERE id = $1", poison));
        Assert.Equal([(1L, "attempts", nameof(ScoreIngested))], setAside.Recorded.Select(m => (m.Value, m.Tags["reason"], m.Tags["message_type"])));
    }

    [Fact]
    public async Task Failures_while_the_broker_takes_nothing_use_up_no_attempts()
    {
        var settings = new OutboxOptions { MaxAttempts = 2 };
        var alone = (await StoreAsync(100))[0];
        var bus = RefusingBus.For(host.Probe.Bus, alone);
        var relay = NewRelay(bus.Bus, settings);

        for (var round = 0; round < 4; round++)
            await Assert.ThrowsAsync<OutboxPublishException>(() => relay.RelayOnceAsync(settings, CancellationToken.None));

        Assert.Equal(4, bus.Refused);
        Assert.Equal((false, 0), await OutboxStateAsync(alone));
        Assert.Contains("refused by the test", await ScalarAsync<string>(
            "SELECT last_error FROM ingest.outbox WHERE payload->>'scoreId' = $1", alone.ToString()));
    }

    private static Task<int> RelayOnceAsync(OutboxRelay relay, OutboxOptions settings) => relay.RelayOnceAsync(settings, CancellationToken.None);

    private OutboxRelay NewRelay(IBus bus, OutboxOptions settings) => new(_dataSource, bus, new OutboxSignal(), Options.Create(settings),
        TimeProvider.System, _metrics.GetRequiredService<IMeterFactory>(), NullLogger<OutboxRelay>.Instance);

    /// <summary>Stores one ABC score per size (its content padded to that many bytes), each announced in the outbox in
    /// that order; returns their ids.</summary>
    private async Task<List<Guid>> StoreAsync(params int[] sizes)
    {
        var repository = new ScoreRepository(_dataSource, new OutboxWriter(new OutboxSignal()), TimeProvider.System);
        var scores = sizes.Select(size => new NewScore("sized.abc", ScoreFormat.Abc, TestScores.UniqueTuneOfSize(size), new ScoreMetadata()));
        var ids = new List<Guid>();
        foreach (var score in scores)
            ids.Add((await repository.AddAsync([score], TestCredentials.Tenant, CancellationToken.None))[0].Id);
        return ids;
    }

    private async Task<List<Guid>> SentOrderAsync()
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT (payload->>'scoreId')::uuid FROM ingest.outbox WHERE sent_at IS NOT NULL ORDER BY sent_at, id");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    private async Task<(bool SetAside, int Attempts)> OutboxStateAsync(Guid scoreId)
    {
        await using var command = _dataSource.CreateCommand("SELECT undeliverable, attempts FROM ingest.outbox WHERE payload->>'scoreId' = $1");
        command.Parameters.AddWithValue(scoreId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetBoolean(0), reader.GetInt32(1));
    }

    private async Task<T> ScalarAsync<T>(string sql, object value)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The probe's bus, except that every publish of the one score's <see cref="ScoreIngested"/> fails the way a
    /// broker refusal does (the relay sees an exception from Publish).</summary>
    public class RefusingBus : DispatchProxy
    {
        private IBus _inner = null!;
        private Guid _refused;
        private int _count;

        public int Refused => Volatile.Read(ref _count);

        public static RefusingBus For(IBus inner, Guid refused)
        {
            var bus = (RefusingBus)(object)Create<IBus, RefusingBus>();
            (bus._inner, bus._refused) = (inner, refused);
            return bus;
        }

        public IBus Bus => (IBus)(object)this;

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method!.Name == nameof(IBus.Publish) && args is [ScoreIngested message, ..] && message.ScoreId == _refused)
            {
                Interlocked.Increment(ref _count);
                return Task.FromException(new InvalidOperationException($"Score {message.ScoreId} refused by the test."));
            }
            try
            {
                return method.Invoke(_inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }
    }
}
