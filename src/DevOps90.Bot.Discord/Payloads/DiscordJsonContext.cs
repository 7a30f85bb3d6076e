using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevOps90.Bot.Discord.Payloads;

/// <summary>Discord's JSON: snake_case names, null fields left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(InteractionResponsePayload))]
[JsonSerializable(typeof(ApplicationCommandPayload))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommandPayload>))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(DirectMessageChannelPayload))]
[JsonSerializable(typeof(ThreadPayload))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
