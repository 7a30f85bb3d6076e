using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DevOps90.Bot.Core.Telemetry;

namespace DevOps90.Bot.Testing.Telemetry;

/// <summary>One measurement as an exporter would receive it.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// <see cref="BotMetrics"/> on a meter of this test's own, with every measurement kept: tests running in parallel
/// each see only theirs.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly Meter _meter = new(BotMetrics.MeterName);
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    public MetricRecorder()
    {
        Metrics = new BotMetrics(_meter);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    public BotMetrics Metrics { get; }

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. _measurements.Where(measurement => measurement.Instrument == instrument)];

    public void Dispose()
    {
        _listener.Dispose();
        _meter.Dispose();
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
    }
}
