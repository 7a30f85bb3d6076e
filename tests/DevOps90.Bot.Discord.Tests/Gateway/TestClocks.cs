using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests.Gateway;

/// <summary>
/// Real time, run <see cref="Factor"/> times faster: a protocol second lasts 20 ms. Delays keep their protocol values
/// (1-5 s after an invalid session, backoff in seconds) while the suite stays fast, and elapsed times measured on this
/// clock compare directly with them, give or take <see cref="Resolution"/>.
/// </summary>
internal sealed class FastClock : TimeProvider
{
    public const double Factor = 50;

    /// <summary>System timers may fire up to about a millisecond early; that is 50 ms here.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMilliseconds(100);

    private readonly long _start = TimeProvider.System.GetTimestamp();
    private readonly DateTimeOffset _origin = TimeProvider.System.GetUtcNow();

    public override long TimestampFrequency => TimeProvider.System.TimestampFrequency;

    public override long GetTimestamp() => _start + (long)((TimeProvider.System.GetTimestamp() - _start) * Factor);

    public override DateTimeOffset GetUtcNow() => _origin + (TimeProvider.System.GetElapsedTime(_start) * Factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(TimeProvider.System.CreateTimer(callback, state, Scale(dueTime), Scale(period)));

    private static TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Factor;

    private sealed class ScaledTimer(ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Scale(dueTime), Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

/// <summary>A <see cref="FakeTimeProvider"/> that tells the test which delays the code under test has started.</summary>
internal sealed class ObservedFakeClock : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public FakeTimeProvider Fake { get; } = new();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Enqueue(dueTime);
        return timer;
    }

    /// <summary>Waits (in real time) until a timer of exactly <paramref name="dueTime"/> has been started, and forgets it.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        using var patience = new CancellationTokenSource(FakeGatewayServer.Patience);
        while (true)
        {
            var pending = _dueTimes.ToArray();
            if (pending.Contains(dueTime))
            {
                var rest = pending.ToList();
                rest.Remove(dueTime);
                _dueTimes.Clear();
                foreach (var other in rest)
                {
                    _dueTimes.Enqueue(other);
                }

                return;
            }

            await Task.Delay(5, patience.Token);
        }
    }
}
