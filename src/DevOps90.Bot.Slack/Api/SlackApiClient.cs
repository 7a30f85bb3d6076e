using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Slack.Api;

/// <summary>
/// Slack's Web API over a typed HttpClient: POST {ApiBaseUrl}/{method} with a bearer token. The request loop (in
/// SlackApiClient.Send.cs) waits for the rate limits, retries what is safe to retry and turns the rest into
/// <see cref="SlackApiException"/>; the file upload flow is in SlackApiClient.Upload.cs.
/// </summary>
internal sealed partial class SlackApiClient : ISlackApi
{
    private readonly HttpClient _http;
    private readonly SlackRateGate _gate;
    private readonly SlackApiPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackApiClient> _logger;
    private readonly string? _botToken;
    private readonly string? _appToken;
    private readonly BotMetrics? _metrics;

    public SlackApiClient(
        HttpClient http,
        SlackRateGate gate,
        SlackApiPolicy policy,
        IOptions<SlackOptions> options,
        TimeProvider time,
        ILogger<SlackApiClient> logger,
        BotMetrics? metrics = null)
    {
        _metrics = metrics;
        _http = http;
        _gate = gate;
        _policy = policy;
        _time = time;
        _logger = logger;
        _botToken = options.Value.BotToken;
        _appToken = options.Value.AppToken;

        // Set here rather than in AddSlackApi so that a client built by hand (tests, tools) behaves the same. The
        // trailing slash matters: without it the relative method name would replace "api" instead of extending it.
        _http.BaseAddress = new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        _http.Timeout = policy.RequestTimeout;
    }

    public async Task<JsonElement> CallAsync(string method, JsonObject arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!SlackMethods.IsWellFormed(method))
        {
            throw new ArgumentException($"'{method}' is not a Slack Web API method name (family.method)", nameof(method));
        }

        var token = TokenFor(method);
        var body = SlackRequestBody.For(method, arguments);
        return await SendAsync(method, token, body, ChannelOf(arguments), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        const string method = SlackMethods.OpenConnection;
        var answer = await CallAsync(method, [], cancellationToken).ConfigureAwait(false);
        if (answer.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
            && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "ws")
        {
            return uri;
        }

        throw new SlackApiException(method, "invalid_response", $"{method} answered ok without a WebSocket url", isPermanent: false);
    }

    private string TokenFor(string method)
    {
        if (SlackMethods.UsesAppToken(method))
        {
            return string.IsNullOrEmpty(_appToken)
                ? throw new SlackApiException(
                    method,
                    "not_authed",
                    $"{method} needs Slack:AppToken, which is not set: Socket Mode takes an app-level token (xapp-…) with the connections:write scope",
                    isPermanent: true)
                : _appToken;
        }

        return string.IsNullOrEmpty(_botToken)
            ? throw new SlackApiException(method, "not_authed", $"{method} needs Slack:BotToken (xoxb-…), which is not set", isPermanent: true)
            : _botToken;
    }

    // The channel a call is about: chat.* name it "channel", files.completeUploadExternal "channel_id".
    private static string? ChannelOf(JsonObject arguments) =>
        (arguments["channel"] ?? arguments["channel_id"]) is JsonValue value && value.TryGetValue<string>(out var channel) ? channel : null;

    /// <summary>Slack-supplied text that goes into a message or log line, with our tokens blanked should it echo them.</summary>
    private string Redact(string text)
    {
        foreach (var token in new[] { _botToken, _appToken })
        {
            if (!string.IsNullOrEmpty(token))
            {
                text = text.Replace(token, "[token]", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
