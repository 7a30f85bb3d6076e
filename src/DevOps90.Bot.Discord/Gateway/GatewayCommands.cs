using System.Text.Json.Serialization;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>A payload the client sends: <c>op</c> and <c>d</c> (https://discord.com/developers/docs/events/gateway-events#payload-structure).</summary>
internal sealed record GatewayCommand<TData>(GatewayOpCode Op, TData D);

/// <summary>https://discord.com/developers/docs/events/gateway-events#identify</summary>
internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, IReadOnlyList<int> Shard)
{
    // A record prints every member by default; this one carries the token.
    public override string ToString() => $"Identify shard [{string.Join(", ", Shard)}], intents {Intents}";
}

internal sealed record IdentifyProperties(string Os, string Browser, string Device);

/// <summary>https://discord.com/developers/docs/events/gateway-events#resume</summary>
internal sealed record ResumeData(string Token, string SessionId, long Seq)
{
    // A record prints every member by default; this one carries the token.
    public override string ToString() => $"Resume session {SessionId} at {Seq}";
}

/// <summary>The bot only needs interactions, which arrive without any intent; GUILDS (1 &lt;&lt; 0) is the smallest useful set.</summary>
internal static class GatewayIntents
{
    public const int Guilds = 1 << 0;
}

/// <summary>
/// Gateway JSON. Unlike <see cref="Payloads.DiscordJsonContext"/>, nulls are written: a heartbeat before any event
/// must carry <c>"d": null</c> (https://discord.com/developers/docs/events/gateway-events#heartbeat).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GatewayCommand<IdentifyData>))]
[JsonSerializable(typeof(GatewayCommand<ResumeData>))]
[JsonSerializable(typeof(GatewayCommand<long?>))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
