using System.Collections.Concurrent;
using DevOps90.Bot.Core.Telemetry;

namespace DevOps90.Bot.Core.Health;

/// <summary>
/// Where the long-lived platform connections this instance holds (Discord gateway shards, Slack Socket Mode) say how
/// they stand: the readiness probe reads it and every reconnect is counted. A connection never yet open is not ready;
/// one that dropped after being open stays ready for <see cref="ReconnectGrace"/>, so that a routine resume (Discord
/// asks for them) does not take the instance out of its load balancer, and is not ready once the outage lasts. A
/// connection another instance holds is not on the board: this instance has nothing to hold.
/// </summary>
public sealed class ConnectionBoard(TimeProvider time, BotMetrics? metrics = null) : IConnectionReadiness
{
    public static readonly TimeSpan ReconnectGrace = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Opening (first time) or reopening (after a drop, counted as a reconnect).</summary>
    public void Connecting(string platform, string name)
    {
        var now = time.GetUtcNow();
        var previous = _entries.GetValueOrDefault(name);
        if (previous is { IsOpen: true })
        {
            metrics?.Reconnected(platform, name);
        }

        _entries[name] = new Entry(false, previous?.EverOpen ?? false, previous is { IsOpen: false } ? previous.Since : now);
    }

    public void Connected(string name) => _entries[name] = new Entry(true, true, time.GetUtcNow());

    /// <summary>Stopped, or its lease went to another instance: no longer this instance's to hold.</summary>
    public void Released(string name) => _entries.TryRemove(name, out _);

    public IEnumerable<ConnectionState> Connections
    {
        get
        {
            var now = time.GetUtcNow();
            foreach (var (name, entry) in _entries.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                var down = now - entry.Since;
                yield return entry switch
                {
                    { IsOpen: true } => new ConnectionState(name, true, "connected"),
                    { EverOpen: false } => new ConnectionState(name, false, $"connecting for {down.TotalSeconds:0} s"),
                    _ => new ConnectionState(name, down < ReconnectGrace, $"reconnecting for {down.TotalSeconds:0} s"),
                };
            }
        }
    }

    /// <param name="Since">When it opened, or when it went down.</param>
    private sealed record Entry(bool IsOpen, bool EverOpen, DateTimeOffset Since);
}
