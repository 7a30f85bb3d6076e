namespace DevOps90.Bot.Slack.Inbound;

/// <summary>
/// The keys of what was received lately (an event_id, a trigger_id, an envelope_id), so that something Slack delivers
/// twice runs once: an Events API retry, a Socket Mode redelivery, or a signed request replayed within its five
/// minutes. Slack retries a failed event for a few minutes at most; a key is kept for <see cref="Retention"/>, and at
/// most <see cref="Capacity"/> keys are kept, the oldest dropped first.
/// </summary>
public sealed class SlackRecentIds(TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(15);

    /// <summary>Far more than a study group's workspace sends in 15 minutes, in a few megabytes at most.</summary>
    public const int DefaultCapacity = 20_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);

    // In the order added, which is the order of expiry. An entry whose key was forgotten and added again is stale:
    // its expiry no longer matches the dictionary's, and it removes nothing.
    private readonly Queue<(string Key, DateTimeOffset Expires)> _order = new();

    public int Capacity { get; init; } = DefaultCapacity;

    /// <summary>True the first time <paramref name="key"/> is seen; false when it was seen within <see cref="Retention"/>.</summary>
    public bool TryAdd(string key)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_order.TryPeek(out var oldest) && (oldest.Expires <= now || _order.Count > Capacity))
            {
                Drop(_order.Dequeue());
            }

            if (_expiry.TryGetValue(key, out var expires) && expires > now)
            {
                return false;
            }

            _expiry[key] = now + Retention;
            _order.Enqueue((key, now + Retention));
            while (_expiry.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                Drop(oldest);
            }

            return true;
        }
    }

    /// <summary>Forgets <paramref name="key"/>, so that Slack's next delivery of it runs: for work that failed before it did anything.</summary>
    public void Forget(string key)
    {
        lock (_gate)
        {
            _expiry.Remove(key);
        }
    }

    private void Drop((string Key, DateTimeOffset Expires) entry)
    {
        if (_expiry.TryGetValue(entry.Key, out var expires) && expires == entry.Expires)
        {
            _expiry.Remove(entry.Key);
        }
    }
}
