namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// One Discord rate-limit bucket as the headers describe it. Not thread-safe: <see cref="DiscordRateLimiter"/> holds
/// its lock around every call.
/// </summary>
internal sealed class RouteBucket
{
    private int? _limit;
    private int? _remaining;

    // The length of the bucket's window, as the latest window the headers described gives it (the Reset-After of its
    // first answer). Not the longest ever seen: a 429's long wait would otherwise pace the bucket until restart.
    private TimeSpan _window;

    // False while ResetAt is only this class's assumption (a window started when the last one passed): the next
    // answer's headers then say when the window really ends, earlier or later.
    private bool _resetKnown;

    public DateTimeOffset ResetAt { get; private set; }

    /// <summary>How long a request must wait before it may go; zero when it may go now.</summary>
    public TimeSpan WaitTime(DateTimeOffset now)
    {
        if (_remaining is null)
        {
            // Never answered yet: nothing is known, and guessing a limit is what the docs ask us not to do.
            return TimeSpan.Zero;
        }

        if (now >= ResetAt)
        {
            // The window has passed: a full one is available. Until answers in it tell us when it ends, assume it is
            // as long as the last one, so a burst after the reset cannot spend more than one window's worth.
            _remaining = Math.Max(_limit ?? 1, 1);
            ResetAt = now + _window;
            _resetKnown = false;
        }

        return _remaining > 0 ? TimeSpan.Zero : ResetAt - now;
    }

    /// <summary>Takes one request from the bucket; call only after <see cref="WaitTime"/> returned zero.</summary>
    public void Reserve()
    {
        if (_remaining > 0)
        {
            _remaining--;
        }
    }

    /// <summary>Learns the bucket from an answer's X-RateLimit-Limit, -Remaining and -Reset-After.</summary>
    public void Update(int? limit, int remaining, TimeSpan resetAfter, DateTimeOffset now)
    {
        var resetAt = now + resetAfter;
        _limit = limit ?? _limit;
        if (_remaining is null || now >= ResetAt)
        {
            // The first answer of a new window.
            _remaining = remaining;
            ResetAt = resetAt;
            _window = resetAfter;
            _resetKnown = true;
            return;
        }

        // Same window: answers to concurrent requests arrive in any order, and our own count already holds the
        // requests still in flight, so only ever lower it.
        _remaining = Math.Min(_remaining.Value, remaining);
        if (!_resetKnown)
        {
            // The window was assumed to be as long as the last one; Discord says when it actually ends.
            ResetAt = resetAt;
            _window = resetAfter;
            _resetKnown = true;
            return;
        }

        if (resetAt > ResetAt)
        {
            ResetAt = resetAt;
        }

        if (resetAfter > _window)
        {
            _window = resetAfter;
        }
    }

    /// <summary>A 429 for this bucket: nothing more goes until Retry-After has passed.</summary>
    public void Block(TimeSpan retryAfter, DateTimeOffset now)
    {
        _remaining = 0;
        if (now + retryAfter > ResetAt)
        {
            ResetAt = now + retryAfter;
        }

        _resetKnown = true;
    }
}
