using System.Collections.Frozen;

namespace DevOps90.Bot.Slack.Api;

/// <summary>
/// What the client needs to know per Web API method, in one place: how its arguments travel, which token it takes,
/// whether it may be sent again when its outcome is unknown, and whether Slack paces it per channel.
/// </summary>
internal static class SlackMethods
{
    public const string PostMessage = "chat.postMessage";
    public const string PostEphemeral = "chat.postEphemeral";
    public const string Update = "chat.update";
    public const string GetUploadUrl = "files.getUploadURLExternal";
    public const string CompleteUpload = "files.completeUploadExternal";
    public const string OpenConnection = "apps.connections.open";

    // JSON bodies for the methods whose arguments nest (blocks, metadata, files): Slack's documentation lists
    // application/json among their content types and recommends it over form encoding
    // (https://docs.slack.dev/apis/web-api#posting_json). Every other method gets a form: the read methods do not take
    // JSON, and files.getUploadURLExternal documents only application/x-www-form-urlencoded
    // (https://api.slack.com/methods/files.getUploadURLExternal).
    private static readonly FrozenSet<string> JsonMethods =
        new[] { PostMessage, PostEphemeral, Update, CompleteUpload }.ToFrozenSet(StringComparer.Ordinal);

    // Sending these twice does no harm, so a 5xx, a timeout or a lost connection is retried: reads, an update to the
    // same content, an upload URL that expires unused, a Socket Mode URL that is never opened. Not in here:
    // chat.postMessage and chat.postEphemeral (Slack may have posted before the connection broke; the delivery ledger
    // looks at the channel's history before it sends again) and files.completeUploadExternal (it would share twice).
    private static readonly FrozenSet<string> RepeatableMethods = new[]
    {
        "conversations.history", "conversations.info", "users.info", "usergroups.users.list", "auth.test", "conversations.open",
        Update, GetUploadUrl, OpenConnection,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool TakesJson(string method) => JsonMethods.Contains(method);

    /// <summary>Whether a call whose outcome is unknown (5xx, timeout, broken connection) may be sent again.</summary>
    public static bool IsRepeatable(string method) => RepeatableMethods.Contains(method);

    /// <summary>apps.connections.open takes the app-level token (xapp-…); everything else the bot token.</summary>
    public static bool UsesAppToken(string method) => method == OpenConnection;

    /// <summary>
    /// chat.postMessage "generally allows posting one message per second per channel"
    /// (https://api.slack.com/docs/rate-limits, special tier): the client keeps to that rather than wait for a 429.
    /// </summary>
    public static bool IsPacedPerChannel(string method) => method == PostMessage;

    /// <summary>A method name as Slack spells them (family.method): it becomes the URL's last segment.</summary>
    public static bool IsWellFormed(string method) =>
        method.Length is > 0 and <= 100 && method.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_');
}
