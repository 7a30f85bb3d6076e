namespace DevOps90.Bot.Discord.Gateway;

/// <summary>The gateway opcodes this client sends or reads (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes).</summary>
internal enum GatewayOpCode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
