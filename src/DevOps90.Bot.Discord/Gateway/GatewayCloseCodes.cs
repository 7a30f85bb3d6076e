namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// What a close code asks of the client, from the "Reconnect" and "Resume" columns of
/// https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes.
/// </summary>
internal static class GatewayCloseCodes
{
    /// <summary>Reconnecting cannot help: the configuration must change first, and retrying only burns identifies.</summary>
    public static bool IsFatal(int code) => code is 4004 or 4010 or 4011 or 4012 or 4013 or 4014;

    /// <summary>
    /// Codes whose Resume column is false need a new session. Codes Discord does not list, and a connection lost
    /// without any code, may resume (https://discord.com/developers/docs/events/gateway#resuming).
    /// </summary>
    public static bool AllowsResume(int code) => !IsFatal(code) && code is not (4001 or 4003 or 4005 or 4007 or 4009);

    public static string Describe(int code) => code switch
    {
        4000 => "unknown error",
        4001 => "unknown opcode",
        4002 => "decode error",
        4003 => "not authenticated",
        4004 => "authentication failed: Discord rejected the bot token; check Discord:Token (Discord__Token in the environment)",
        4005 => "already authenticated",
        4007 => "invalid seq",
        4008 => "rate limited",
        4009 => "session timed out",
        4010 => "invalid shard: Discord:ShardId and Discord:ShardCount do not describe a valid shard for this bot",
        4011 => "sharding required: the bot is in too many guilds for its shard count; raise Discord:ShardCount",
        4012 => "invalid API version: Discord no longer accepts gateway v10 from this build",
        4013 => "invalid intents: the intents value sent when identifying is not valid",
        4014 => "disallowed intents: an intent is not enabled or approved for this application in the Developer Portal",
        _ => "not a documented gateway close code",
    };
}
