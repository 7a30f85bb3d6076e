using DevOps90.Bot.Discord.Rest;

namespace DevOps90.Bot.Discord;

/// <summary>
/// Spaces the private messages' requests evenly at <see cref="Share"/> of Discord's global limit, from the first one.
/// A reminder round hands the REST client thousands of them at once; left to the rate limiter alone they fill every
/// second to the last of its 50 requests, in bursts of ten, so a request that reaches Discord a few milliseconds
/// later than the limiter counted it (a busy machine, a slow first connection) lands in the next second's full count
/// and is refused with a global 429, and daily posts or role grants due meanwhile find no room. A reminder has minutes
/// to spare: evenly spaced at four fifths of the limit, seconds keep room for both.
/// </summary>
internal sealed class DirectMessagePace(DiscordRestPolicy policy, TimeProvider time)
{
    public const double Share = 0.8;

    private readonly Lock _gate = new();
    private readonly TimeSpan _spacing = TimeSpan.FromSeconds(1 / (policy.GlobalRequestsPerSecond * Share));
    private DateTimeOffset _next;

    /// <summary>Waits for this request's turn; turns are handed out in call order, one per spacing.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken = default)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var turn = _next > now ? _next : now;
            _next = turn + _spacing;
            wait = turn - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
