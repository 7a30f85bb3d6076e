using System.Text.Json;
using System.Threading.Channels;
using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;

namespace DevOps90.Bot.Discord.Tests.Gateway;

/// <summary>Only GET /gateway/bot is used by the gateway; the rest of the API is not this fake's business.</summary>
internal sealed class FakeDiscordRestClient(Func<GatewayBotInfo> gatewayBot) : IDiscordRestClient
{
    private int _gatewayBotCalls;

    public int GatewayBotCalls => Volatile.Read(ref _gatewayBotCalls);

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _gatewayBotCalls);
        return Task.FromResult(gatewayBot());
    }

    public Task<DiscordMessage> CreateMessageAsync(Snowflake channelId, MessagePayload message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DiscordMessage> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessagePayload message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionResponsePayload response, DateTimeOffset? deadline = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DiscordMessage> CreateFollowupMessageAsync(Snowflake applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DiscordMessage> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<JsonElement> GetCommandsAsync(Snowflake applicationId, Snowflake? guildId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<JsonElement> GetChannelAsync(Snowflake channelId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DiscordChannel> CreateDirectMessageChannelAsync(Snowflake userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<JsonElement> BulkOverwriteCommandsAsync(Snowflake applicationId, Snowflake? guildId, IReadOnlyList<ApplicationCommandPayload> commands, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<JsonElement> StartThreadFromMessageAsync(Snowflake channelId, Snowflake messageId, ThreadPayload thread, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task AddMemberRoleAsync(Snowflake guildId, Snowflake userId, Snowflake roleId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

internal sealed record ReceivedDispatch(string EventName, JsonElement Data);

/// <summary>Records each dispatch; <see cref="Failing"/> names events it throws on, after recording them.</summary>
internal sealed class RecordingDispatchHandler : IGatewayDispatchHandler
{
    private readonly Channel<ReceivedDispatch> _received = Channel.CreateUnbounded<ReceivedDispatch>();

    public HashSet<string> Failing { get; } = [];

    public Task HandleDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken)
    {
        _received.Writer.TryWrite(new ReceivedDispatch(eventName, data));
        return Failing.Contains(eventName) ? throw new InvalidOperationException($"handler failed on {eventName}") : Task.CompletedTask;
    }

    /// <summary>The next dispatch named <paramref name="eventName"/>, others skipped.</summary>
    public async Task<ReceivedDispatch> NextAsync(string eventName)
    {
        using var patience = new CancellationTokenSource(FakeGatewayServer.Patience);
        while (true)
        {
            var dispatch = await _received.Reader.ReadAsync(patience.Token);
            if (dispatch.EventName == eventName)
            {
                return dispatch;
            }
        }
    }
}
