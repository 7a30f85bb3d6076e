using System.Globalization;

namespace DevOps90.Bot.Benchmarks.Simulation;

/// <summary>A stretch of time the bot was down: planned (an outage) or after a crash, or both run together.</summary>
internal sealed record Outage(DateTimeOffset From, DateTimeOffset Until, bool Crash, bool Planned)
{
    public TimeSpan Length => Until - From;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"down {From:MM-dd HH:mm:ss} -> {Until:MM-dd HH:mm:ss} UTC ({Format(Length)}, {(Crash && Planned ? "crash, then an outage" : Crash ? "crash" : "outage")})");

    public static string Format(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min");
}

/// <summary>When the simulated bot process was up, as it actually happened (crashes included).</summary>
internal sealed class Uptime(DateTimeOffset begin)
{
    private readonly List<Outage> _outages = [];
    private DateTimeOffset? _downSince;
    private bool _crash;
    private bool _planned;

    public IReadOnlyList<Outage> Outages => _outages;

    public DateTimeOffset Begin => begin;

    public void Stopped(DateTimeOffset at, bool crash)
    {
        _downSince ??= at;
        _crash |= crash;
        _planned |= !crash;
    }

    /// <summary>A planned outage that begins while the process is already down after a crash.</summary>
    public void Extended() => _planned = true;

    public void Started(DateTimeOffset at)
    {
        if (_downSince is { } since)
        {
            _outages.Add(new Outage(since, at, _crash, _planned));
        }

        (_downSince, _crash, _planned) = (null, false, false);
    }

    /// <summary>Closes an outage still running when the simulation ends.</summary>
    public void Finish(DateTimeOffset end)
    {
        if (_downSince is not null)
        {
            Started(end);
        }
    }

    public bool IsUp(DateTimeOffset instant) => instant >= begin && DownAt(instant) is null;

    /// <summary>The outage covering an instant (its start included, its end not).</summary>
    public Outage? DownAt(DateTimeOffset instant)
    {
        var low = 0;
        var high = _outages.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var outage = _outages[middle];
            if (instant < outage.From)
            {
                high = middle - 1;
            }
            else if (instant >= outage.Until)
            {
                low = middle + 1;
            }
            else
            {
                return outage;
            }
        }

        return null;
    }

    public IEnumerable<Outage> Between(DateTimeOffset from, DateTimeOffset until) =>
        _outages.Where(outage => outage.Until > from && outage.From < until);
}
