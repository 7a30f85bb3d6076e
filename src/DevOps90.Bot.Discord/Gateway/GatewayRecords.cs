using System.Text.Json;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>Who the bot is on the gateway. Its <see cref="ToString"/> leaves the token out.</summary>
internal sealed record GatewayIdentity(string Token, int ShardId, int ShardCount)
{
    public override string ToString() => $"shard [{ShardId}, {ShardCount}]";
}

/// <summary>How long this client waits on its own for each step that Discord might never complete.</summary>
internal sealed record GatewayTimeouts(TimeSpan Connect, TimeSpan Hello, TimeSpan Close)
{
    /// <summary>HELLO comes "immediately after connecting" (https://discord.com/developers/docs/events/gateway#hello-event); 30 s is generous.</summary>
    public static readonly GatewayTimeouts Default = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
}

/// <summary>A Dispatch event on its way to the <see cref="IGatewayDispatchHandler"/>.</summary>
internal sealed record GatewayDispatch(string EventName, long? Sequence, JsonElement Data);
