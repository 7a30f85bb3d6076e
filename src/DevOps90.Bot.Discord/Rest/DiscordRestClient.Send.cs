using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// The request loop: wait for the limiter, send, learn from the answer; wait out 429s, back off after 5xx and network
/// failures, and throw at once on anything else that is not a success.
/// </summary>
internal sealed partial class DiscordRestClient
{
    private const string Platform = "discord";

    private const string DeadlineText = "Discord's 3-second deadline for the interaction callback would have passed before the retry";

    /// <summary>
    /// Returns the successful answer (the caller disposes it) or throws. No retry is started that could not be sent
    /// before <paramref name="deadline"/>, past which the answer would be of no use.
    /// </summary>
    private async Task<HttpResponseMessage> SendCoreAsync(DiscordRoute route, RequestBody? body, CancellationToken cancellationToken, DateTimeOffset? deadline = null)
    {
        var rateLimitRetries = 0;
        var transientRetries = 0;
        while (true)
        {
            var waitStarted = _time.GetTimestamp();
            await _limiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
            _metrics?.RateLimitWaited(Platform, _time.GetElapsedTime(waitStarted));

            HttpResponseMessage answer;
            try
            {
                using var request = CreateRequest(route, body);
                answer = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception) when (transientRetries < _policy.MaxTransientRetries)
            {
                // Only the exception's type and error code are logged: its message is not ours to vouch for.
                var reason = $"{exception.GetType().Name} {exception.HttpRequestError}";
                if (!await BackOffAsync(route, ++transientRetries, reason, deadline, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                continue;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && transientRetries < _policy.MaxTransientRetries)
            {
                // Not the caller's cancellation: HttpClient.Timeout expired.
                if (!await BackOffAsync(route, ++transientRetries, "timeout", deadline, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                continue;
            }

            var status = (int)answer.StatusCode;
            _metrics?.PlatformRequest(Platform, route.Display, status);
            var headers = RateLimitHeaders.Read(answer.Headers);
            _limiter.OnResponse(route, status, headers);
            if (answer.IsSuccessStatusCode)
            {
                return answer;
            }

            using (answer)
            {
                var error = await DiscordErrorBody.ReadAsync(answer.Content, cancellationToken).ConfigureAwait(false);
                if (status == 429)
                {
                    // The body's retry_after has millisecond precision; Retry-After is whole seconds; a 429 from
                    // elsewhere (Cloudflare) may only have the header.
                    var retryAfter = error.RetryAfter ?? headers.RetryAfter ?? headers.ResetAfter ?? TimeSpan.FromSeconds(1);
                    var global = headers.Global || error.Global || headers.Scope == RateLimitScope.Global;
                    var scope = global ? RateLimitScope.Global : headers.Scope;
                    _limiter.OnRateLimited(route, global, retryAfter);
                    _metrics?.RateLimited(Platform, scope.ToString().ToLowerInvariant());
                    if (rateLimitRetries >= _policy.MaxRateLimitRetries || retryAfter > _policy.MaxRetryAfter)
                    {
                        LogGaveUp(_logger, route.Display, status, error.Code, route.Redact(error.Describe()));
                        throw new DiscordApiException(429, error.Code, route.Redact(
                            $"{route.Display} was rate limited ({scope}, retry after {retryAfter.TotalSeconds:0.###} s) and was not retried: {error.Describe()}"));
                    }

                    if (PastDeadline(deadline, retryAfter))
                    {
                        var reason = $"rate limited, retry after {retryAfter.TotalSeconds:0.###} s";
                        LogPastDeadline(_logger, route.Display, reason, (deadline!.Value - _time.GetUtcNow()).TotalSeconds);
                        throw new DiscordApiException(429, error.Code, route.Redact($"{route.Display} was {reason} and was not retried: {DeadlineText}"));
                    }

                    rateLimitRetries++;
                    LogRateLimited(_logger, route.Display, scope, retryAfter.TotalSeconds, rateLimitRetries);

                    // The limiter now holds back other requests too; this one waits here so that an interaction
                    // route, which the global pause does not hold, still waits out its own 429.
                    await Task.Delay(retryAfter, _time, cancellationToken).ConfigureAwait(false);
                    _metrics?.RateLimitWaited(Platform, retryAfter);
                    continue;
                }

                if (status is 500 or 502 or 503 or 504 && transientRetries < _policy.MaxTransientRetries)
                {
                    if (!await BackOffAsync(route, ++transientRetries, $"HTTP {status}", deadline, cancellationToken).ConfigureAwait(false))
                    {
                        throw new DiscordApiException(status, error.Code, route.Redact($"{route.Display} answered {status} and was not retried: {DeadlineText}"));
                    }

                    continue;
                }

                LogFailed(_logger, route.Display, status, error.Code, route.Redact(error.Describe()));
                throw new DiscordApiException(status, error.Code, route.Redact($"{route.Display} answered {status}: {error.Describe()}"));
            }
        }
    }

    /// <summary>
    /// Exponential backoff with jitter, so that many requests failing together do not come back together. Returns
    /// false, without waiting, when the retry would go after <paramref name="deadline"/>.
    /// </summary>
    private async Task<bool> BackOffAsync(DiscordRoute route, int attempt, string reason, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var baseDelay = _policy.TransientBaseDelay;
#pragma warning disable CA5394 // Jitter only spreads retries out; nothing depends on it being unpredictable.
        var jitter = baseDelay * Random.Shared.NextDouble();
#pragma warning restore CA5394
        var delay = (baseDelay * Math.Pow(2, attempt - 1)) + jitter;
        if (PastDeadline(deadline, delay))
        {
            LogPastDeadline(_logger, route.Display, reason, (deadline!.Value - _time.GetUtcNow()).TotalSeconds);
            return false;
        }

        LogTransient(_logger, route.Display, reason, delay.TotalSeconds, attempt, _policy.MaxTransientRetries);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Whether a retry after <paramref name="wait"/> would reach Discord only after <paramref name="deadline"/>.</summary>
    private bool PastDeadline(DateTimeOffset? deadline, TimeSpan wait) => deadline is { } end && _time.GetUtcNow() + wait > end;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} failed ({Reason}) and is not retried: Discord's deadline for the interaction callback is {RemainingSeconds} s away, too soon for a retry")]
    private static partial void LogPastDeadline(ILogger logger, string route, string reason, double remainingSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} was rate limited ({Scope}); retrying in {RetryAfterSeconds} s (retry {Retry})")]
    private static partial void LogRateLimited(ILogger logger, string route, RateLimitScope scope, double retryAfterSeconds, int retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} failed ({Reason}); retrying in {DelaySeconds} s (retry {Retry} of {MaxRetries})")]
    private static partial void LogTransient(ILogger logger, string route, string reason, double delaySeconds, int retry, int maxRetries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} answered {Status} (Discord code {DiscordCode}): {DiscordMessage}")]
    private static partial void LogFailed(ILogger logger, string route, int status, int? discordCode, string discordMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Route} still rate limited ({Status}, Discord code {DiscordCode}), giving up: {DiscordMessage}")]
    private static partial void LogGaveUp(ILogger logger, string route, int status, int? discordCode, string discordMessage);
}
