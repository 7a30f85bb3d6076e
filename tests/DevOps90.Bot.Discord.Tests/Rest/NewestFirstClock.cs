namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>
/// A manual clock whose timers, among those due at the same moment, fire the latest set first, as .NET's own timer
/// queue does (it puts a new timer at the head of its list and walks the list from there). Callbacks run on the
/// thread that advances the clock, one at a time; a timer set by a callback fires in the same advance if it is due.
/// </summary>
internal sealed class NewestFirstClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;
    private long _created;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on by <paramref name="by"/>, firing what falls due, newest first among equals.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset end;
        lock (_gate)
        {
            end = _now + by;
        }

        while (Next(end) is { } timer)
        {
            timer.Fire();
        }

        lock (_gate)
        {
            _now = end;
        }
    }

    private ManualTimer? Next(DateTimeOffset end)
    {
        lock (_gate)
        {
            var next = _timers.Where(timer => timer.DueAt <= end).OrderBy(timer => timer.DueAt).ThenByDescending(timer => timer.Sequence).FirstOrDefault();
            if (next is not null)
            {
                _timers.Remove(next);
                _now = next.DueAt > _now ? next.DueAt : _now;
            }

            return next;
        }
    }

    private sealed class ManualTimer(NewestFirstClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; private set; }

        public long Sequence { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                // Task.Delay's timers fire once; a period is not needed here.
                DueAt = clock._now + dueTime;
                Sequence = ++clock._created;
                clock._timers.Add(this);
                return true;
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
