namespace DevOps90.Bot.Discord.Payloads;

/// <summary>What this bot reads back of a created message.</summary>
public sealed record DiscordMessage(Snowflake Id, Snowflake ChannelId);

/// <summary>GET /gateway/bot (https://discord.com/developers/docs/events/gateway#get-gateway-bot).</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

public sealed record SessionStartLimit(int Total, int Remaining, int ResetAfter, int MaxConcurrency);

/// <summary>A channel as Discord answers with it; only its id is read (https://discord.com/developers/docs/resources/channel).</summary>
public sealed record DiscordChannel(Snowflake Id);

/// <summary>POST /users/@me/channels (https://discord.com/developers/docs/resources/user#create-dm): the user's id, a string.</summary>
public sealed record DirectMessageChannelPayload(string RecipientId);
