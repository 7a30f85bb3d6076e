using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Api;

/// <summary>
/// The request loop: pass the rate gate, send, read Slack's answer. A 429 is always waited out and sent again (Slack
/// did not handle it); a 5xx, a timeout or a broken connection is retried only for methods that are safe to repeat.
/// </summary>
internal sealed partial class SlackApiClient
{
    private const string Platform = "slack";

    private async Task<JsonElement> SendAsync(string method, string token, SlackRequestBody body, string? channel, CancellationToken cancellationToken)
    {
        var rateLimitRetries = 0;
        var transientRetries = 0;
        while (true)
        {
            var waitStarted = _time.GetTimestamp();
            await _gate.WaitAsync(method, channel, cancellationToken).ConfigureAwait(false);
            _metrics?.RateLimitWaited(Platform, _time.GetElapsedTime(waitStarted));
            var attempt = await AttemptAsync(method, token, body, channel, cancellationToken).ConfigureAwait(false);
            if (attempt.Result is { } result)
            {
                return result;
            }

            if (attempt.RetryAfter is { } retryAfter)
            {
                _metrics?.RateLimited(Platform, "method");
                _gate.Hold(method, retryAfter);
                if (++rateLimitRetries > _policy.MaxRateLimitRetries || retryAfter > _policy.MaxRetryAfter)
                {
                    LogGaveUp(_logger, method, retryAfter.TotalSeconds, rateLimitRetries - 1);
                    throw new SlackApiException(
                        method,
                        "ratelimited",
                        $"{method} was rate limited (retry after {retryAfter.TotalSeconds:0} s) and was not sent; try again later",
                        isPermanent: false);
                }

                LogRateLimited(_logger, method, retryAfter.TotalSeconds, rateLimitRetries);
                continue;
            }

            var failure = attempt.Failure!;
            if (!failure.IsPermanent && failure.Error != "ratelimited" && SlackMethods.IsRepeatable(method)
                && transientRetries < _policy.MaxTransientRetries)
            {
                await BackOffAsync(method, ++transientRetries, failure.Error, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (failure.IsPermanent)
            {
                LogFailed(_logger, method, failure.Error);
            }
            else
            {
                LogTransientFailure(_logger, method, failure.Error, SlackMethods.IsRepeatable(method));
            }

            throw failure;
        }
    }

    private async Task<Attempt> AttemptAsync(string method, string token, SlackRequestBody body, string? channel, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(method, UriKind.Relative)) { Content = body.CreateContent() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage answer;
        try
        {
            answer = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            return Attempt.Failed(new SlackApiException(
                method,
                "network",
                $"{method} got no answer from Slack ({exception.HttpRequestError}); Slack may or may not have handled it",
                isPermanent: false,
                inner: exception));
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: HttpClient.Timeout expired.
            return Attempt.Failed(new SlackApiException(
                method,
                "network",
                $"{method} timed out after {_http.Timeout.TotalSeconds:0} s; Slack may or may not have handled it",
                isPermanent: false,
                inner: exception));
        }

        using (answer)
        {
            var status = (int)answer.StatusCode;
            // The method's name is its route: Slack's Web API has no ids in its paths.
            _metrics?.PlatformRequest(Platform, method, status);
            if (status == 429)
            {
                return Attempt.RateLimited(RetryAfter(answer.Headers.RetryAfter));
            }

            if (status >= 500)
            {
                return Attempt.Failed(new SlackApiException(
                    method,
                    $"http_{status}",
                    $"{method} failed: Slack answered HTTP {status}; Slack may or may not have handled it",
                    isPermanent: false));
            }

            var bytes = await answer.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Read(method, status, bytes, channel);
        }
    }

    private Attempt Read(string method, int status, byte[] bytes, string? channel)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok))
            {
                if (ok.ValueKind == JsonValueKind.True)
                {
                    return Attempt.Succeeded(root.Clone());
                }

                var code = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                    ? error.GetString()! : "unknown_error";
                var needed = root.TryGetProperty("needed", out var scope) && scope.ValueKind == JsonValueKind.String
                    ? Redact(scope.GetString()!) : null;
                return Attempt.Failed(SlackErrors.Create(method, Redact(code), channel, needed, Details(root)));
            }
        }
        catch (JsonException)
        {
            // Not Slack's JSON (a proxy's error page, say): handled below by its status alone.
        }

        // A 200 whose body cannot be read leaves the outcome unknown; a 4xx without Slack's body is a refusal.
        return Attempt.Failed(new SlackApiException(
            method,
            status == 200 ? "invalid_response" : $"http_{status}",
            $"{method}: Slack answered HTTP {status} with a body that is not a Web API answer",
            isPermanent: status != 200));
    }

    // response_metadata.messages: for invalid_blocks, "[ERROR] ... [json-pointer:/blocks/0/text]".
    private List<string> Details(JsonElement root) =>
        root.TryGetProperty("response_metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
            ? [.. messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => Redact(m.GetString()!))]
            : [];

    // Slack sends Retry-After in seconds (https://api.slack.com/docs/rate-limits); one second when it is missing,
    // which is what chat.postMessage's per-channel limit asks for.
    private TimeSpan RetryAfter(RetryConditionHeaderValue? header)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    // No jitter: one bot process makes few calls of a method at once, and a plain doubling is what tests can follow.
    private async Task BackOffAsync(string method, int attempt, string reason, CancellationToken cancellationToken)
    {
        var delay = _policy.TransientBaseDelay * Math.Pow(2, attempt - 1);
        LogRetrying(_logger, method, reason, delay.TotalSeconds, attempt, _policy.MaxTransientRetries);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One attempt's outcome: Slack's answer, a 429's wait, or a failure.</summary>
    private readonly record struct Attempt(JsonElement? Result, TimeSpan? RetryAfter, SlackApiException? Failure)
    {
        public static Attempt Succeeded(JsonElement result) => new(result, null, null);

        public static Attempt RateLimited(TimeSpan retryAfter) => new(null, retryAfter, null);

        public static Attempt Failed(SlackApiException failure) => new(null, null, failure);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} was rate limited; retrying in {RetryAfterSeconds} s (retry {Retry})")]
    private static partial void LogRateLimited(ILogger logger, string method, double retryAfterSeconds, int retry);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} still rate limited (retry after {RetryAfterSeconds} s) after {Retries} retries; giving up")]
    private static partial void LogGaveUp(ILogger logger, string method, double retryAfterSeconds, int retries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed ({Error}); retrying in {DelaySeconds} s (retry {Retry} of {MaxRetries})")]
    private static partial void LogRetrying(ILogger logger, string method, string error, double delaySeconds, int retry, int maxRetries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed with Slack error {Error}")]
    private static partial void LogFailed(ILogger logger, string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed ({Error}) and may succeed later (repeatable method: {Repeatable}); its outcome at Slack is unknown")]
    private static partial void LogTransientFailure(ILogger logger, string method, string error, bool repeatable);
}
