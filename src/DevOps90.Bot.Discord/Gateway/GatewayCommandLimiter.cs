namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// Discord accepts 120 gateway events per connection every 60 seconds and disconnects at once beyond
/// (https://discord.com/developers/docs/events/gateway#rate-limiting). This sliding window stays under a smaller budget,
/// so that latency shifting our sends into Discord's window cannot push us over, and keeps the last slots for
/// heartbeats, which must never wait behind other commands. One limiter per connection, as Discord counts.
/// </summary>
internal sealed class GatewayCommandLimiter(TimeProvider timeProvider)
{
    public const int Budget = 110;

    public const int HeartbeatReserve = 5;

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<long> _sent = new();
    private readonly Lock _lock = new();

    public async ValueTask WaitAsync(bool heartbeat, CancellationToken cancellationToken = default)
    {
        var limit = heartbeat ? Budget : Budget - HeartbeatReserve;
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = timeProvider.GetTimestamp();
                while (_sent.Count > 0 && timeProvider.GetElapsedTime(_sent.Peek(), now) >= Window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                // The send that frees a slot for us is the one (Count - limit) places from the oldest.
                wait = Window - timeProvider.GetElapsedTime(_sent.ElementAt(_sent.Count - limit), now);
            }

            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
