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
