namespace DevOps90.Bot.Slack.Api;

/// <summary>
/// Turns Slack's ok:false codes (https://docs.slack.dev/reference/methods/chat.postMessage#errors and the common
/// errors every method shares) into exceptions that say what to do. Codes not named here are permanent unless they
/// say Slack itself failed: a retry of an unknown refusal would only be refused again.
/// </summary>
internal static class SlackErrors
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    };

    private static readonly HashSet<string> AuthCodes = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "not_allowed_token_type",
    };

    public static bool IsTransient(string code) => TransientCodes.Contains(code);

    /// <summary>
    /// The exception for <paramref name="code"/>. <paramref name="channel"/> is the channel id from the call's
    /// arguments; <paramref name="needed"/> Slack's "needed" field; <paramref name="details"/> its
    /// response_metadata.messages (for invalid_blocks and invalid_arguments: which field broke which rule).
    /// </summary>
    public static SlackApiException Create(string method, string code, string? channel, string? needed, IReadOnlyList<string> details)
    {
        var where = channel is null ? "" : $" in <#{channel}>";
        var transient = IsTransient(code);
        var message = code switch
        {
            "not_in_channel" =>
                $"the bot is not a member of channel <#{channel}>; invite the bot to the channel (/invite @bot in <#{channel}>) and try again",
            "channel_not_found" =>
                $"channel {channel ?? "(none given)"} was not found: check the channel id, and for a private channel invite the bot first",
            "is_archived" => $"channel <#{channel}> is archived; unarchive it or configure another channel",
            _ when AuthCodes.Contains(code) => AuthMessage(method, code),
            "missing_scope" =>
                $"the Slack app lacks the OAuth scope '{needed ?? "unknown"}' that {method} needs; add it under OAuth & Permissions and reinstall the app",
            "msg_too_long" => "the message text is too long for Slack; shorten it or split it into several messages",
            "invalid_blocks" or "invalid_blocks_format" or "invalid_arguments" =>
                $"Slack rejected the message's structure{Details(details)}",
            "message_not_found" => $"the message to update was not found{where}; it may have been deleted",
            "cant_update_message" => $"the message{where} cannot be updated: only messages the bot posted itself can be",
            "ratelimited" => "Slack's rate limit was reached; try again later",
            _ when transient => $"Slack failed to handle the call ({code}); it may succeed if tried again later",
            _ => $"Slack refused the call{where}{Details(details)}",
        };

        return new SlackApiException(
            method,
            code,
            $"{method} failed with {code}: {message}",
            isPermanent: !transient,
            neededScope: code == "missing_scope" ? needed : null);
    }

    private static string AuthMessage(string method, string code)
    {
        var setting = SlackMethods.UsesAppToken(method) ? "Slack:AppToken (an app-level token, xapp-…)" : "Slack:BotToken (the bot token, xoxb-…)";
        return code switch
        {
            "token_revoked" or "token_expired" => $"the token was revoked or has expired; install the app again and update {setting}",
            "account_inactive" => $"the token belongs to a deactivated user or a removed app; update {setting}",
            "not_allowed_token_type" => $"this method does not take that kind of token; check {setting}",
            _ => $"Slack did not accept the token; check {setting}",
        };
    }

    private static string Details(IReadOnlyList<string> details) =>
        details.Count == 0 ? "" : ": " + string.Join("; ", details.Take(5));
}
