using System.Diagnostics.Metrics;

namespace Clamp.Testing;

/// <summary>
/// Records what one instrument measures, for the meters of one <see cref="IMeterFactory"/> only (each host under test
/// has its own: the hosts of other tests running at the same time are left out). Each measurement comes with its tags.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, IReadOnlyDictionary<string, string> Tags)> _recorded = [];

    public MeasurementRecorder(IMeterFactory scope, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Name == instrumentName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var byName = tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value?.ToString() ?? "");
            lock (_recorded)
                _recorded.Add((value, byName));
        });
        _listener.Start();
    }

    public IReadOnlyList<(long Value, IReadOnlyDictionary<string, string> Tags)> Recorded
    {
        get
        {
            lock (_recorded)
                return [.. _recorded];
        }
    }

    public void Dispose() => _listener.Dispose();
}
