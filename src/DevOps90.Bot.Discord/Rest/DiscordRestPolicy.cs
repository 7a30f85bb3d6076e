namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// The REST client's limits. The defaults follow https://discord.com/developers/docs/topics/rate-limits; tests shrink
/// them. Per-route limits are not here: they are learned from each answer's headers.
/// </summary>
internal sealed record DiscordRestPolicy
{
    /// <summary>Discord's global limit: 50 requests a second per bot, interaction endpoints excepted.</summary>
    public int GlobalRequestsPerSecond { get; init; } = 50;

    /// <summary>
    /// Added to the global limit's one-second window: two requests a second apart when they leave can arrive less than
    /// a second apart (the first one's way was slower), which Discord counts in one second. At full rate without it,
    /// a bench against a strict limit saw 8-20% of requests refused with a global 429; this margin costs 2.5% of the
    /// rate. (bench/README.md, "Fan-out")
    /// </summary>
    public TimeSpan GlobalWindowMargin { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Invalid requests (401, 403, 429 other than shared) tolerated in <see cref="InvalidRequestWindow"/> before the
    /// client refuses to send: a tenth of the 10,000 that gets the IP banned, so a bug cannot get there.
    /// </summary>
    public int InvalidRequestThreshold { get; init; } = 1_000;

    public TimeSpan InvalidRequestWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many 429s one call waits out before giving up with a 429.</summary>
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>
    /// A 429 asking for a longer wait fails at once instead: Discord's own example of a shared limit asks for 22
    /// minutes, past the 15 minutes an interaction token lives and past any caller's patience.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after a 5xx, a network error or a timeout, with exponential backoff and jitter.</summary>
    public int MaxTransientRetries { get; init; } = 3;

    public TimeSpan TransientBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>One attempt's limit (HttpClient.Timeout); waits for rate limits are outside it.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Above this many buckets, expired ones are dropped (each interaction has its own).</summary>
    public int MaxTrackedBuckets { get; init; } = 1_024;
}
