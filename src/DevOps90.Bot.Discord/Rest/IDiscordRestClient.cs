using System.Text.Json;
using DevOps90.Bot.Discord.Payloads;

namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// The Discord HTTP API v10 endpoints the bot uses. Implementations authenticate, follow Discord's rate limits and
/// throw <see cref="DiscordApiException"/> for an answer that is not a success. A message (or a callback's data) with
/// <see cref="MessagePayload.Files"/> is uploaded as multipart/form-data.
/// </summary>
public interface IDiscordRestClient
{
    /// <summary>POST /channels/{channel.id}/messages</summary>
    Task<DiscordMessage> CreateMessageAsync(Snowflake channelId, MessagePayload message, CancellationToken cancellationToken = default);

    /// <summary>PATCH /channels/{channel.id}/messages/{message.id}</summary>
    Task<DiscordMessage> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessagePayload message, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST /interactions/{interaction.id}/{interaction.token}/callback. Discord accepts the callback only until
    /// <paramref name="deadline"/> (3 seconds after the interaction arrived): a retry that could not be sent before
    /// it is not attempted, and the call fails saying so.
    /// </summary>
    Task CreateInteractionResponseAsync(
        Snowflake interactionId,
        string interactionToken,
        InteractionResponsePayload response,
        DateTimeOffset? deadline = null,
        CancellationToken cancellationToken = default);

    /// <summary>POST /webhooks/{application.id}/{interaction.token} (a follow-up, valid 15 minutes)</summary>
    Task<DiscordMessage> CreateFollowupMessageAsync(Snowflake applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default);

    /// <summary>PATCH /webhooks/{application.id}/{interaction.token}/messages/@original (completes a deferred answer)</summary>
    Task<DiscordMessage> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default);

    /// <summary>GET /applications/{application.id}/commands or /applications/{application.id}/guilds/{guild.id}/commands</summary>
    Task<JsonElement> GetCommandsAsync(Snowflake applicationId, Snowflake? guildId, CancellationToken cancellationToken = default);

    /// <summary>PUT the same paths: replaces every command with these.</summary>
    Task<JsonElement> BulkOverwriteCommandsAsync(Snowflake applicationId, Snowflake? guildId, IReadOnlyList<ApplicationCommandPayload> commands, CancellationToken cancellationToken = default);

    /// <summary>GET /channels/{channel.id}: the channel object (its guild_id among others).</summary>
    Task<JsonElement> GetChannelAsync(Snowflake channelId, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST /users/@me/channels: the private channel with one user (the same one on every call), to post into with
    /// <see cref="CreateMessageAsync"/>.
    /// </summary>
    Task<DiscordChannel> CreateDirectMessageChannelAsync(Snowflake userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// POST /channels/{channel.id}/messages/{message.id}/threads: the thread, whose id is the message's. Discord allows
    /// one thread per message and answers a second start with 400, code 160004.
    /// </summary>
    Task<JsonElement> StartThreadFromMessageAsync(Snowflake channelId, Snowflake messageId, ThreadPayload thread, CancellationToken cancellationToken = default);

    /// <summary>PUT /guilds/{guild.id}/members/{user.id}/roles/{role.id} (204 No Content; needs Manage Roles and a role below the bot's).</summary>
    Task AddMemberRoleAsync(Snowflake guildId, Snowflake userId, Snowflake roleId, CancellationToken cancellationToken = default);

    /// <summary>GET /gateway/bot</summary>
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Discord answered with an error. <see cref="JsonCode"/> is Discord's own code (e.g. 50001 Missing Access,
/// 10003 Unknown Channel); the message never contains the token.
/// </summary>
public sealed class DiscordApiException(int status, int? jsonCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public int? JsonCode { get; } = jsonCode;

    /// <summary>401, 403 and 404 will not succeed by trying again (https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit).</summary>
    public bool IsPermanent => Status is 400 or 401 or 403 or 404;
}
