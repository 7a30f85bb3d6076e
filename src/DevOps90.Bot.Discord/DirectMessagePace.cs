using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Discord.Rest;

namespace DevOps90.Bot.Discord;

/// <summary>
/// Spaces the private messages' requests evenly at <see cref="Share"/> of the global limit this instance may use,
/// from the first one. A reminder round hands the REST client thousands of them at once; left to the rate limiter
/// alone they fill every second to the last of its requests, in bursts, so a request that reaches Discord a few
/// milliseconds later than the limiter counted it (a busy machine, a slow first connection) lands in the next second's
/// full count and is refused with a global 429, and daily posts or role grants due meanwhile find no room. A reminder
/// has minutes to spare: evenly spaced at four fifths of the limit, seconds keep room for both. With several
/// instances the limit is this instance's share of the bot's (see <see cref="SharedRateBudget"/>), read at each turn
/// since it changes as instances come and go.
/// </summary>
internal sealed class DirectMessagePace(DiscordRestPolicy policy, TimeProvider time, SharedRateBudget? budget = null)
{
    public const double Share = 0.8;

    private readonly Lock _gate = new();
    private DateTimeOffset _next;

    /// <summary>Waits for this request's turn; turns are handed out in call order, one per spacing.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken = default)
    {
        TimeSpan wait;
        var spacing = Spacing();
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var turn = _next > now ? _next : now;
            _next = turn + spacing;
            wait = turn - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    // While this instance may not send yet (a share of 0) the limiter holds every request anyway: paced at the full
    // limit, the messages then queue there in order.
    private TimeSpan Spacing()
    {
        var perSecond = budget?.Current is { PerSecond: > 0 } share ? share.PerSecond : policy.GlobalRequestsPerSecond;
        return TimeSpan.FromSeconds(1 / (perSecond * Share));
    }
}
