namespace DevOps90.Bot.Slack.Api;

/// <summary>
/// The Web API client's limits. The defaults follow https://api.slack.com/docs/rate-limits; tests shrink them.
/// </summary>
internal sealed record SlackApiPolicy
{
    /// <summary>How many 429s one call waits out before it fails with "ratelimited".</summary>
    public int MaxRateLimitRetries { get; init; } = 5;

    /// <summary>A Retry-After longer than this fails the call at once: a caller should hear of it, not sit in it.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of a repeatable method after a 5xx, a timeout or a network error, with exponential backoff.</summary>
    public int MaxTransientRetries { get; init; } = 2;

    public TimeSpan TransientBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>One attempt's limit (HttpClient.Timeout); waits for rate limits are outside it.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>chat.postMessage: at most one message a second per channel (Slack's special tier).</summary>
    public TimeSpan PostMessageInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Above this many channels, those whose next slot has passed are forgotten.</summary>
    public int MaxTrackedChannels { get; init; } = 1_024;
}
