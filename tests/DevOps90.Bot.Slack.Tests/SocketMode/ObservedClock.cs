using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Slack.Tests.SocketMode;

/// <summary>Frozen time that tells the test which delays the code under test has asked for.</summary>
internal sealed class ObservedClock : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _requested = new();

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _requested.Enqueue(dueTime);
        return timer;
    }

    /// <summary>Every delay asked for so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Requested => [.. _requested];

    /// <summary>Waits (real time, at most 10 s) until a delay of exactly <paramref name="dueTime"/> has been asked for <paramref name="times"/> times in all.</summary>
    public async Task WaitForDelayAsync(TimeSpan dueTime, int times = 1)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_requested.Count(requested => requested == dueTime) < times)
        {
            await Task.Delay(5, patience.Token);
        }
    }
}
