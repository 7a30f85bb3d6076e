using System.Globalization;
using System.Net.Http.Headers;

namespace DevOps90.Bot.Discord.Rest;

/// <summary>X-RateLimit-Scope, sent only with a 429.</summary>
internal enum RateLimitScope
{
    /// <summary>No scope header (an answer that is not a 429, or a 429 from something other than Discord's API).</summary>
    None,

    /// <summary>This bot's per-route limit.</summary>
    User,

    /// <summary>This bot's global limit.</summary>
    Global,

    /// <summary>The resource's limit, shared by everyone: not counted as an invalid request.</summary>
    Shared,
}

/// <summary>
/// Discord's rate-limit headers (https://discord.com/developers/docs/topics/rate-limits#header-format).
/// X-RateLimit-Reset (an epoch) is ignored on purpose: Reset-After does not depend on our clock agreeing with Discord's.
/// </summary>
internal sealed record RateLimitHeaders(
    string? Bucket,
    int? Limit,
    int? Remaining,
    TimeSpan? ResetAfter,
    bool Global,
    RateLimitScope Scope,
    TimeSpan? RetryAfter)
{
    public static RateLimitHeaders Read(HttpResponseHeaders headers) => new(
        Bucket: Text(headers, "X-RateLimit-Bucket"),
        Limit: Number(headers, "X-RateLimit-Limit") is { } limit ? (int)limit : null,
        Remaining: Number(headers, "X-RateLimit-Remaining") is { } remaining ? (int)remaining : null,
        ResetAfter: Seconds(headers, "X-RateLimit-Reset-After"),
        Global: string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Scope: Text(headers, "X-RateLimit-Scope")?.ToUpperInvariant() switch
        {
            "USER" => RateLimitScope.User,
            "GLOBAL" => RateLimitScope.Global,
            "SHARED" => RateLimitScope.Shared,
            _ => RateLimitScope.None,
        },
        RetryAfter: Seconds(headers, "Retry-After"));

    private static string? Text(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Text(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? value
            : null;

    private static TimeSpan? Seconds(HttpResponseHeaders headers, string name) =>
        Number(headers, name) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
