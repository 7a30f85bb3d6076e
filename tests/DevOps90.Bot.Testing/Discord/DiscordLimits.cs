namespace DevOps90.Bot.Testing.Discord;

/// <summary>
/// Discord's rate limits as the fake enforces them (https://discord.com/developers/docs/topics/rate-limits): the
/// global 50 requests a second per bot, counted over any sliding second (the strictest reading; Discord does not say
/// how it counts), and a per-route bucket for creating messages of 5 per 5 seconds per channel, the figure Discord's
/// headers have long shown for that route. Not thread-safe: <see cref="RateLimitedDiscord"/> holds its lock around it.
/// </summary>
public sealed class DiscordLimits(int globalPerSecond = 50, int routeLimit = 5, double routeWindowSeconds = 5)
{
    private readonly Queue<double> _accepted = new();
    private readonly Dictionary<string, (double ResetAt, int Remaining)> _routes = new(StringComparer.Ordinal);

    public int RouteLimit => routeLimit;

    /// <summary>
    /// Admits a request on <paramref name="channel"/> at <paramref name="now"/> (seconds on a monotonic clock), or says
    /// which limit refused it and for how long. Refused requests count against nothing.
    /// </summary>
    public Verdict Admit(string channel, double now)
    {
        while (_accepted.Count > 0 && _accepted.Peek() <= now - 1)
        {
            _accepted.Dequeue();
        }

        if (_accepted.Count >= globalPerSecond)
        {
            return new Verdict(Refusal.Global, _accepted.Peek() + 1 - now, 0, 0);
        }

        var route = _routes.TryGetValue(channel, out var known) && known.ResetAt > now ? known : (ResetAt: now + routeWindowSeconds, Remaining: routeLimit);
        if (route.Remaining == 0)
        {
            _routes[channel] = route;
            return new Verdict(Refusal.Route, route.ResetAt - now, 0, route.ResetAt - now);
        }

        _routes[channel] = (route.ResetAt, route.Remaining - 1);
        _accepted.Enqueue(now);
        return new Verdict(Refusal.None, 0, route.Remaining - 1, route.ResetAt - now);
    }
}

public enum Refusal
{
    None,
    Global,
    Route,
}

/// <param name="RetryAfter">Seconds until a refused request may go again.</param>
/// <param name="Remaining">What the route's bucket has left after this request.</param>
/// <param name="ResetAfter">Seconds until the route's bucket is full again.</param>
public sealed record Verdict(Refusal Refusal, double RetryAfter, int Remaining, double ResetAfter);
