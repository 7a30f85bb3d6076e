namespace DevOps90.Bot.Slack.Api;

/// <summary>
/// A Web API call that failed: Slack answered ok:false (<see cref="Error"/> is its code, e.g. "not_in_channel"), or
/// the request failed at the HTTP level. The message says what to do about it and never contains a token.
/// </summary>
public sealed class SlackApiException(string method, string error, string message, bool isPermanent, string? neededScope = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Method { get; } = method;

    /// <summary>Slack's error code, or "http_NNN" / "network" when the call did not get an answer.</summary>
    public string Error { get; } = error;

    /// <summary>Trying again cannot help (a missing scope, a channel the bot is not in, a revoked token).</summary>
    public bool IsPermanent { get; } = isPermanent;

    /// <summary>For missing_scope: the scope the app must be granted.</summary>
    public string? NeededScope { get; } = neededScope;
}
