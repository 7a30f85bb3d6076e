using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Api;

/// <summary>
/// Slack's rate limits for the whole bot (a singleton: limits are per app and workspace, not per HttpClient). A 429
/// holds back every call of its method until Retry-After has passed, since Slack counts limits per method
/// (https://api.slack.com/docs/rate-limits); chat.postMessage is also kept to one message a second per channel.
/// Every call passes <see cref="WaitAsync"/> before it is sent.
/// </summary>
internal sealed partial class SlackRateGate(SlackApiPolicy policy, TimeProvider time, ILogger<SlackRateGate> logger)
{
    private readonly Lock _lock = new();

    // Method name -> when it may be called again after a 429. Bounded by the methods the bot calls.
    private readonly Dictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);

    // Channel id -> the earliest time the next chat.postMessage to it may go.
    private readonly Dictionary<string, DateTimeOffset> _nextPost = new(StringComparer.Ordinal);

    /// <summary>Waits until <paramref name="method"/> may be called (for <paramref name="channel"/>), then takes its slot.</summary>
    public async Task WaitAsync(string method, string? channel, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                wait = TryPass(method, channel, time.GetUtcNow());
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            LogWaiting(logger, method, channel, wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A 429: no call of <paramref name="method"/> goes before <paramref name="retryAfter"/> has passed.</summary>
    public void Hold(string method, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (!_heldUntil.TryGetValue(method, out var current) || until > current)
            {
                _heldUntil[method] = until;
            }
        }
    }

    private TimeSpan TryPass(string method, string? channel, DateTimeOffset now)
    {
        if (_heldUntil.TryGetValue(method, out var heldUntil) && heldUntil > now)
        {
            return heldUntil - now;
        }

        if (channel is null || !SlackMethods.IsPacedPerChannel(method))
        {
            return TimeSpan.Zero;
        }

        if (_nextPost.TryGetValue(channel, out var next) && next > now)
        {
            return next - now;
        }

        if (_nextPost.Count >= policy.MaxTrackedChannels)
        {
            // A channel whose slot has passed would be let through at once anyway: forgetting it changes nothing.
            foreach (var stale in _nextPost.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
            {
                _nextPost.Remove(stale);
            }
        }

        _nextPost[channel] = now + policy.PostMessageInterval;
        return TimeSpan.Zero;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} (channel {Channel}) waits {WaitSeconds} s for Slack's rate limit")]
    private static partial void LogWaiting(ILogger logger, string method, string? channel, double waitSeconds);
}
