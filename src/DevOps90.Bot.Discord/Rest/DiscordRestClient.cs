using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DevOps90.Bot.Core.Telemetry;
using DevOps90.Bot.Discord.Payloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// The Discord HTTP API v10 over a typed HttpClient. Each endpoint names its route; <see cref="SendAsync"/> (in
/// DiscordRestClient.Send.cs) waits for the rate limits, retries what may succeed later and turns the rest into
/// <see cref="DiscordApiException"/>.
/// </summary>
internal sealed partial class DiscordRestClient : IDiscordRestClient
{
    // "DiscordBot ($url, $versionNumber)" is the form Discord requires (https://discord.com/developers/docs/reference#user-agent).
    public const string UserAgent = "DiscordBot (https://github.com/MichaelCade/90DaysOfDevOps, 1.0)";

    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    private readonly HttpClient _http;
    private readonly DiscordRateLimiter _limiter;
    private readonly DiscordRestPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly string? _token;

    private readonly BotMetrics? _metrics;

    public DiscordRestClient(
        HttpClient http,
        DiscordRateLimiter limiter,
        DiscordRestPolicy policy,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<DiscordRestClient> logger,
        BotMetrics? metrics = null)
    {
        _metrics = metrics;
        _http = http;
        _limiter = limiter;
        _policy = policy;
        _time = time;
        _logger = logger;
        _token = options.Value.Token;

        // Configured here rather than in AddDiscordRest so that a client built by hand (tests, tools) behaves the same.
        // The trailing slash matters: without it "v10" is replaced by the relative path instead of extended.
        _http.BaseAddress = new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        _http.Timeout = policy.RequestTimeout;
        if (_http.DefaultRequestHeaders.UserAgent.Count == 0)
        {
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        }
    }

    public Task<DiscordMessage> CreateMessageAsync(Snowflake channelId, MessagePayload message, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.Bot(HttpMethod.Post, $"channels/{channelId}/messages"), Body(message), Json.DiscordMessage, cancellationToken);

    public Task<DiscordMessage> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessagePayload message, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.Bot(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}"), Body(message), Json.DiscordMessage, cancellationToken);

    public async Task CreateInteractionResponseAsync(
        Snowflake interactionId,
        string interactionToken,
        InteractionResponsePayload response,
        DateTimeOffset? deadline = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionToken);
        var route = DiscordRoute.Interaction(HttpMethod.Post, $"interactions/{interactionId}/{Uri.EscapeDataString(interactionToken)}/callback");
        var body = RequestBody.WithFiles(response, Json.InteractionResponsePayload, response.Data?.Files ?? []);
        using var answer = await SendCoreAsync(route, body, cancellationToken, deadline).ConfigureAwait(false);
    }

    // Discord: a follow-up "functions the same as Execute Webhook, but wait is always true", so the message comes back.
    public Task<DiscordMessage> CreateFollowupMessageAsync(Snowflake applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionToken);
        var route = DiscordRoute.Interaction(HttpMethod.Post, $"webhooks/{applicationId}/{Uri.EscapeDataString(interactionToken)}");
        return SendAsync(route, Body(message), Json.DiscordMessage, cancellationToken);
    }

    public Task<DiscordMessage> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interactionToken);
        var route = DiscordRoute.Interaction(HttpMethod.Patch, $"webhooks/{applicationId}/{Uri.EscapeDataString(interactionToken)}/messages/@original");
        return SendAsync(route, Body(message), Json.DiscordMessage, cancellationToken);
    }

    public Task<JsonElement> GetCommandsAsync(Snowflake applicationId, Snowflake? guildId, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.Bot(HttpMethod.Get, CommandsPath(applicationId, guildId)), null, Json.JsonElement, cancellationToken);

    public Task<JsonElement> BulkOverwriteCommandsAsync(Snowflake applicationId, Snowflake? guildId, IReadOnlyList<ApplicationCommandPayload> commands, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.Bot(HttpMethod.Put, CommandsPath(applicationId, guildId)), RequestBody.Json(commands, Json.IReadOnlyListApplicationCommandPayload), Json.JsonElement, cancellationToken);

    public Task<JsonElement> GetChannelAsync(Snowflake channelId, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.Bot(HttpMethod.Get, $"channels/{channelId}"), null, Json.JsonElement, cancellationToken);

    public Task<DiscordChannel> CreateDirectMessageChannelAsync(Snowflake userId, CancellationToken cancellationToken = default) =>
        SendAsync(
            DiscordRoute.Bot(HttpMethod.Post, "users/@me/channels"),
            RequestBody.Json(new DirectMessageChannelPayload(userId.ToString()), Json.DirectMessageChannelPayload),
            Json.DiscordChannel,
            cancellationToken);

    public Task<JsonElement> StartThreadFromMessageAsync(Snowflake channelId, Snowflake messageId, ThreadPayload thread, CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.Bot(HttpMethod.Post, $"channels/{channelId}/messages/{messageId}/threads"), RequestBody.Json(thread, Json.ThreadPayload), Json.JsonElement, cancellationToken);

    public async Task AddMemberRoleAsync(Snowflake guildId, Snowflake userId, Snowflake roleId, CancellationToken cancellationToken = default)
    {
        using var answer = await SendCoreAsync(DiscordRoute.Bot(HttpMethod.Put, $"guilds/{guildId}/members/{userId}/roles/{roleId}"), null, cancellationToken).ConfigureAwait(false);
    }

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(DiscordRoute.Bot(HttpMethod.Get, "gateway/bot"), null, Json.GatewayBotInfo, cancellationToken);

    private static string CommandsPath(Snowflake applicationId, Snowflake? guildId) =>
        guildId is { } guild ? $"applications/{applicationId}/guilds/{guild}/commands" : $"applications/{applicationId}/commands";

    // Built once: every retry sends the same bytes. A message with files goes as multipart.
    private static RequestBody Body(MessagePayload message) => RequestBody.WithFiles(message, Json.MessagePayload, message.Files);

    private async Task<T> SendAsync<T>(DiscordRoute route, RequestBody? body, JsonTypeInfo<T> answerType, CancellationToken cancellationToken)
    {
        using var answer = await SendCoreAsync(route, body, cancellationToken).ConfigureAwait(false);
        try
        {
            var value = await answer.Content.ReadFromJsonAsync(answerType, cancellationToken).ConfigureAwait(false);
            return value ?? throw new DiscordApiException((int)answer.StatusCode, null, $"{route.Display} answered with an empty body");
        }
        catch (JsonException exception)
        {
            // The JSON exception's own text may quote the body; the route template is enough to find the mismatch.
            throw new DiscordApiException((int)answer.StatusCode, null, $"{route.Display} answered with JSON this client cannot read ({exception.Path})");
        }
    }

    private HttpRequestMessage CreateRequest(DiscordRoute route, RequestBody? body)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(route.Path, UriKind.Relative));
        if (route.UsesBotToken)
        {
            if (string.IsNullOrEmpty(_token))
            {
                throw new InvalidOperationException("Discord:Token is not set; it is needed for " + route.Display);
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _token);
        }

        request.Content = body?.CreateContent();

        return request;
    }
}
