using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Testing;

/// <summary>
/// Frozen time (<see cref="Fake"/>, moved on only by the test) that tells the test which delays the code under test has
/// asked for, so a test of a reconnect or a heartbeat asserts the delay rather than sleeping through it.
/// </summary>
public sealed class ObservedClock(DateTimeOffset? start = null) : TimeProvider
{
    // Long enough that only a delay never asked for fails a wait on a slow machine.
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<TimeSpan> _requested = new();
    private readonly ConcurrentDictionary<TimeSpan, int> _waitedFor = new();

    public FakeTimeProvider Fake { get; } = start is { } at ? new FakeTimeProvider(at) : new FakeTimeProvider();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    /// <summary>Every delay asked for so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Requested => [.. _requested];

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _requested.Enqueue(dueTime);
        return timer;
    }

    /// <summary>
    /// Waits (real time, at most 10 s) until a delay of exactly <paramref name="dueTime"/> has been asked for
    /// <paramref name="times"/> times in all.
    /// </summary>
    public async Task WaitForDelayAsync(TimeSpan dueTime, int times = 1)
    {
        using var patience = new CancellationTokenSource(_patience);
        while (_requested.Count(requested => requested == dueTime) < times)
        {
            await Task.Delay(5, patience.Token);
        }
    }

    /// <summary>
    /// Waits until a delay of exactly <paramref name="dueTime"/> is asked for that no earlier call of this method
    /// waited for: the first call returns on the first such delay, the second on the second.
    /// </summary>
    public Task WaitForNextDelayAsync(TimeSpan dueTime) =>
        WaitForDelayAsync(dueTime, _waitedFor.AddOrUpdate(dueTime, 1, (_, times) => times + 1));
}
