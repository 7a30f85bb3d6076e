using System.Text.Json.Nodes;

namespace DevOps90.Bot.Testing.Slack;

/// <summary>
/// One request the fake received: the Web API method (or "(upload)" for bytes sent to an upload URL), the
/// Authorization header as sent, the content type, the arguments as a JSON object (a form's nested values parsed
/// back from their JSON text, its other values kept as strings), the raw body, and the fake's clock at arrival.
/// </summary>
public sealed record FakeSlackCall(
    string Method,
    string Authorization,
    string? ContentType,
    JsonObject Arguments,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>A string argument, or null.</summary>
    public string? Argument(string name) => Arguments[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>A message in a channel, as chat.postMessage stored it and chat.update changed it.</summary>
public sealed record FakeSlackMessage(
    string Channel,
    string Ts,
    string? Text,
    JsonArray? Blocks,
    string? ThreadTs,
    JsonObject? Metadata,
    string User,
    bool ReplyBroadcast = false)
{
    /// <summary>Whether conversations.history lists it: top-level messages and broadcast replies, not thread replies.</summary>
    public bool IsInHistory => ThreadTs is null || ThreadTs == Ts || ReplyBroadcast;
}

/// <summary>A chat.postEphemeral message: seen only by <paramref name="User"/>.</summary>
public sealed record FakeSlackEphemeral(string Channel, string User, string? Text, JsonArray? Blocks, string? ThreadTs, string MessageTs);

/// <summary>A workspace member for users.info. <paramref name="Locale"/> is returned only when asked (include_locale).</summary>
public sealed record FakeSlackUser(
    string Id,
    string Name,
    string TeamId = FakeSlackApi.TeamId,
    bool IsAdmin = false,
    bool IsOwner = false,
    string? Locale = "en-US",
    string? TimeZone = "Europe/Paris",
    bool IsBot = false);

/// <summary>A conversation for conversations.info.</summary>
public sealed record FakeSlackChannel(string Id, string Name, bool IsPrivate = false, bool IsArchived = false, bool IsMember = true);

/// <summary>A file whose upload was completed: what arrived at the upload URL, and where it was shared.</summary>
public sealed record FakeSlackFile(
    string Id,
    string FileName,
    int DeclaredLength,
    byte[] Content,
    string? Title,
    string? ChannelId,
    string? ThreadTs,
    string? InitialComment);
