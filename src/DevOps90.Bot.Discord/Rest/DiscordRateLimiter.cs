using DevOps90.Bot.Core.Coordination;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// Discord's rate limits for the whole bot (a singleton): per-route buckets learned from the headers, the global
/// 50 requests a second, pauses after 429s, and a guard on invalid requests
/// (https://discord.com/developers/docs/topics/rate-limits). Every request calls <see cref="AcquireAsync"/> before it
/// goes and <see cref="OnResponse"/> when its answer comes back.
/// <para>
/// Several instances of the bot share the global limit through <paramref name="budget"/>: each sends at most its share
/// (see <see cref="SharedRateBudget"/>) and holds when another instance heard a global 429. Per-route buckets are not
/// split: Discord's headers on each answer carry its own count for the bucket, whichever instance spent it, and a
/// bucket is mostly one channel, which one instance at a time posts to (the ledger's claim decides which).
/// </para>
/// </summary>
internal sealed partial class DiscordRateLimiter(DiscordRestPolicy policy, TimeProvider time, ILogger<DiscordRateLimiter> logger, SharedRateBudget? budget = null)
{
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);

    // A fifth of the second holds at most a fifth of the global limit (see TryReserve).
    private static readonly TimeSpan BurstWindow = GlobalWindow / 5;

    /// <summary>
    /// A process's first requests wait for new connections and code compiled on first use, and arrive late and
    /// together, so a window counted from when they left is not the one Discord counts (a single instance's cold
    /// start drew 13 global 429s in its first 2 s: bench/README.md, "Fan-out"). So until the first answer, at most one
    /// burst goes (for this long at most, should no answer come), and those requests then count from the answer.
    /// </summary>
    private static readonly TimeSpan ColdStartWait = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ColdStartPoll = TimeSpan.FromMilliseconds(10);

    private readonly Lock _gate = new();

    // One request at a time waits for the global limit; the others queue here in the order they came (see AcquireAsync).
    private readonly FifoTurn _globalTurn = new();

    // "POST /channels/{channel_id}/messages" -> the X-RateLimit-Bucket Discord named for it. Bounded by the number of
    // route templates the client knows.
    private readonly Dictionary<string, string> _bucketNames = new(StringComparer.Ordinal);

    // "<bucket name or route>|<major parameter>" -> its state: the same bucket name on another channel is another bucket.
    private readonly Dictionary<string, RouteBucket> _buckets = new(StringComparer.Ordinal);

    // Send times of bot-token requests in the last second; at most GlobalRequestsPerSecond entries.
    private readonly Queue<DateTimeOffset> _globalSends = new();

    private readonly Queue<DateTimeOffset> _invalidRequests = new();

    private DateTimeOffset _globalBlockedUntil;

    private bool _botTokenRejected;

    // Until the first answer: a cold start (see ColdStartWait).
    private bool _answered;
    private DateTimeOffset? _firstSentAt;

    /// <summary>Invalid requests (401, 403, 429 other than shared) counted in the current window.</summary>
    public int InvalidRequestCount
    {
        get
        {
            lock (_gate)
            {
                PruneInvalid(time.GetUtcNow());
                return _invalidRequests.Count;
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="route"/> may be sent, then counts it against its bucket and the global limit.
    /// Throws <see cref="DiscordApiException"/> without waiting when the invalid-request guard is closed, the bot token
    /// was rejected, or the wait would be longer than <see cref="DiscordRestPolicy.MaxRetryAfter"/>.
    /// <para>
    /// Requests held by the global limit go in the order they came: they queue for one turn, and only the request
    /// holding it waits on the clock. Left to wake on their own timers, the waiters raced for each free slot, and
    /// the timer queue (which fires the latest timer set first among those due together) let new requests overtake
    /// old ones: in a minute with thousands of posts, a few waited past their attempt's bound (bench/README.md,
    /// "Fan-out"). A wait for a route's own bucket is made outside the queue, so one channel holds up no other.
    /// </para>
    /// </summary>
    public async Task AcquireAsync(DiscordRoute route, CancellationToken cancellationToken = default)
    {
        // The interaction routes are outside the global limit: they need no turn.
        var turn = route.UsesBotToken ? _globalTurn : null;
        while (true)
        {
            if (turn is not null)
            {
                await turn.EnterAsync(cancellationToken).ConfigureAwait(false);
            }

            TimeSpan bucketWait;
            try
            {
                bucketWait = await WaitForGlobalAsync(route, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                turn?.Leave();
            }

            if (bucketWait <= TimeSpan.Zero)
            {
                return;
            }

            await DelayAsync(route, bucketWait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reserves once the global limit allows (zero), or returns the wait for the route's own bucket.</summary>
    private async Task<TimeSpan> WaitForGlobalAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            bool onBucket;
            lock (_gate)
            {
                wait = TryReserve(route, time.GetUtcNow(), out onBucket);
            }

            if (wait <= TimeSpan.Zero || onBucket)
            {
                return wait;
            }

            await DelayAsync(route, wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DelayAsync(DiscordRoute route, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait > policy.MaxRetryAfter)
        {
            // The same bound as for a 429's retry_after: a caller should hear about a 20-minute hold, not sit in it.
            throw new DiscordApiException(429, null, $"{route.Display} not sent: rate limited for another {wait.TotalSeconds:0} s");
        }

        LogWaiting(logger, route.Display, wait.TotalSeconds);
        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Learns from an answer's headers and status; call for every answer, success or not.</summary>
    public void OnResponse(DiscordRoute route, int status, RateLimitHeaders headers)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_answered)
            {
                _answered = true;
                RestampColdSends(now);
            }

            // https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans
            if (status is 401 or 403 || (status == 429 && headers.Scope != RateLimitScope.Shared))
            {
                _invalidRequests.Enqueue(now);
            }

            // "401 responses are avoided ... by stopping further requests after a token becomes invalid."
            if (status == 401 && route.UsesBotToken && !_botTokenRejected)
            {
                _botTokenRejected = true;
                LogBotTokenRejected(logger, route.Display);
            }

            if (headers.Bucket is { Length: > 0 } name)
            {
                _bucketNames[route.Display] = name;
            }

            if (headers.Remaining is { } remaining && headers.ResetAfter is { } resetAfter)
            {
                GetBucket(route, now).Update(headers.Limit, remaining, resetAfter, now);
            }
        }
    }

    /// <summary>A 429: holds back the whole bot (global) or the route's bucket until <paramref name="retryAfter"/> has passed.</summary>
    public void OnRateLimited(DiscordRoute route, bool global, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (global)
            {
                if (now + retryAfter > _globalBlockedUntil)
                {
                    _globalBlockedUntil = now + retryAfter;
                }

                budget?.Hold(now + retryAfter);
            }
            else
            {
                GetBucket(route, now).Block(retryAfter, now);
            }
        }
    }

    /// <summary>
    /// Reserves <paramref name="route"/> now (zero), or says how long to wait and whether for the route's own bucket
    /// (<paramref name="onBucket"/>) or for the whole bot's limit.
    /// </summary>
    private TimeSpan TryReserve(DiscordRoute route, DateTimeOffset now, out bool onBucket)
    {
        ThrowIfRefused(route, now);
        var bucket = GetBucket(route, now);
        var wait = bucket.WaitTime(now);
        onBucket = wait > TimeSpan.Zero;
        if (onBucket)
        {
            return wait;
        }

        if (route.UsesBotToken)
        {
            wait = GlobalWait(now);
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            _firstSentAt ??= now;
            _globalSends.Enqueue(now);
        }

        bucket.Reserve();
        return TimeSpan.Zero;
    }

    /// <summary>How long until a bot-token request may go as far as the global limit (and this instance's share of it) goes.</summary>
    private TimeSpan GlobalWait(DateTimeOffset now)
    {
        if (_globalBlockedUntil > now)
        {
            return _globalBlockedUntil - now;
        }

        var limit = policy.GlobalRequestsPerSecond;
        if (budget?.Current is { } share)
        {
            if (Later(share.HeldUntil, share.NotBefore) is var start && start > now)
            {
                return start - now;
            }

            limit = Math.Min(limit, share.PerSecond);
        }

        // A sliding window rather than a fixed one: no second, wherever it starts, holds more than the limit.
        var window = GlobalWindow + policy.GlobalWindowMargin;
        while (_globalSends.Count > 0 && _globalSends.Peek() + window <= now)
        {
            _globalSends.Dequeue();
        }

        if (_globalSends.Count >= limit)
        {
            return _globalSends.Peek() + window - now;
        }

        // Spread over the second, not fifty at once: a burst of fifty opens fifty connections, and the requests
        // that come last to Discord are counted in the next second, with the next burst. Rounded up: a share of 17
        // (three instances) rounded down to 3 a fifth would cap this instance at 15 a second.
        var burst = Math.Max(1, (limit + 4) / 5);
        if (_globalSends.Count >= burst && _globalSends.ElementAt(_globalSends.Count - burst) + BurstWindow is var free && free > now)
        {
            return free - now;
        }

        if (!_answered && _globalSends.Count >= burst && _firstSentAt is { } first && now < first + ColdStartWait)
        {
            // A cold start: see ColdStartWait.
            return ColdStartPoll;
        }

        return TimeSpan.Zero;
    }

    /// <summary>
    /// The first answer has come: the cold start's requests had all arrived by now, maybe late and together (see
    /// <see cref="ColdStartWait"/>), so they count in the window from now, not from when they left.
    /// </summary>
    private void RestampColdSends(DateTimeOffset now)
    {
        var count = _globalSends.Count;
        _globalSends.Clear();
        for (var i = 0; i < count; i++)
        {
            _globalSends.Enqueue(now);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset left, DateTimeOffset right) => left > right ? left : right;

    private void ThrowIfRefused(DiscordRoute route, DateTimeOffset now)
    {
        // The interaction routes carry their own token, so a rejected bot token does not stop them.
        if (_botTokenRejected && route.UsesBotToken)
        {
            throw new DiscordApiException(401, null, $"{route.Display} not sent: Discord rejected the bot token earlier (401); set a valid Discord:Token and restart");
        }

        PruneInvalid(now);
        if (_invalidRequests.Count >= policy.InvalidRequestThreshold)
        {
            LogRefused(logger, route.Display, _invalidRequests.Count, policy.InvalidRequestWindow.TotalMinutes);
            throw new DiscordApiException(
                429,
                null,
                $"{route.Display} not sent: {_invalidRequests.Count} invalid requests (401, 403, 429) in the last {policy.InvalidRequestWindow.TotalMinutes:0} minutes; requests are refused until the count drops, so that Discord does not ban this IP");
        }
    }

    private void PruneInvalid(DateTimeOffset now)
    {
        while (_invalidRequests.Count > 0 && _invalidRequests.Peek() + policy.InvalidRequestWindow <= now)
        {
            _invalidRequests.Dequeue();
        }
    }

    private RouteBucket GetBucket(DiscordRoute route, DateTimeOffset now)
    {
        var name = _bucketNames.TryGetValue(route.Display, out var learned) ? learned : route.Display;
        var key = $"{name}|{route.MajorParameter}";
        if (_buckets.TryGetValue(key, out var bucket))
        {
            return bucket;
        }

        if (_buckets.Count >= policy.MaxTrackedBuckets)
        {
            // A bucket whose window has passed holds nothing a fresh one would not learn from the next answer.
            foreach (var (staleKey, stale) in _buckets.Where(pair => pair.Value.ResetAt <= now).ToList())
            {
                _buckets.Remove(staleKey);
            }
        }

        bucket = new RouteBucket();
        _buckets[key] = bucket;
        return bucket;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Route} waits {WaitSeconds} s for Discord's rate limit")]
    private static partial void LogWaiting(ILogger logger, string route, double waitSeconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord rejected the bot token on {Route} (401): requests with it are no longer sent until restart")]
    private static partial void LogBotTokenRejected(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Route} refused: {InvalidRequests} invalid requests in the last {WindowMinutes} minutes")]
    private static partial void LogRefused(ILogger logger, string route, int invalidRequests, double windowMinutes);
}
