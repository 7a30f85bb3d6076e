namespace DevOps90.Bot.Discord.Interactions;

/// <summary>
/// The ids of the interactions received lately, so that one received twice runs its command once: an HTTP request
/// replayed within the signature's 5-minute window (it is still validly signed), or a gateway event seen again. An id
/// is kept for <see cref="Retention"/>, the life of an interaction's token, after which nothing can be done with the
/// interaction anyway; at most <see cref="Capacity"/> ids are kept, the oldest dropped first.
/// </summary>
public sealed class RecentInteractions(TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(15);

    /// <summary>Far more interactions than a study group's bot receives in 15 minutes, in well under a megabyte.</summary>
    public const int DefaultCapacity = 20_000;

    private readonly Lock _gate = new();
    private readonly HashSet<Snowflake> _seen = [];

    // In the order received, which is the order of expiry: pruning looks at the front only.
    private readonly Queue<(Snowflake Id, DateTimeOffset Expires)> _order = new();

    public int Capacity { get; init; } = DefaultCapacity;

    /// <summary>True the first time <paramref name="id"/> is seen; false when it was seen within <see cref="Retention"/>.</summary>
    public bool TryAdd(Snowflake id)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_order.TryPeek(out var oldest) && oldest.Expires <= now)
            {
                _order.Dequeue();
                _seen.Remove(oldest.Id);
            }

            if (!_seen.Add(id))
            {
                return false;
            }

            _order.Enqueue((id, now + Retention));
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue().Id);
            }

            return true;
        }
    }
}
