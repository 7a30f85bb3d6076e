using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Testing.Discord;

/// <summary>
/// Discord's REST API as far as daily posts need it, on loopback, with Discord's rate limits (<see cref="DiscordLimits"/>)
/// and every answer held back by a fixed latency, as a Discord far away would answer. POST
/// /api/v10/channels/{id}/messages creates a message, deduplicating on the nonce with enforce_nonce as Discord does;
/// a refused request gets Discord's 429 (retry_after in the body, Retry-After, X-RateLimit-Scope, X-RateLimit-Global
/// for the global limit); every answer on the route carries the X-RateLimit-* headers. GET /gateway/bot and the gateway
/// itself are <see cref="FakeGateway"/>'s, outside the limits. POST /users/@me/channels opens direct messages
/// (RateLimitedDiscord.DirectMessages.cs). Anything else is a 404.
/// </summary>
public sealed partial class RateLimitedDiscord : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly DiscordLimits _limits = new();
    private readonly Dictionary<string, string> _messagesByNonce = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _messagesPerChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _routeRefusalsPerChannel = new(StringComparer.Ordinal);
    private readonly List<double> _createdAt = [];
    private readonly List<double> _globalRefusedAt = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _startedAt = TimeProvider.System.GetUtcNow();
    private readonly TimeSpan _latency;
    private WebApplication? _app;
    private long _nextId = 1_900_000_000_000_000_000;

    private RateLimitedDiscord(TimeSpan latency) => _latency = latency;

    public string ApiBaseUrl { get; private set; } = "";

    public int Requests { get; private set; }

    public int GlobalRefusals { get; private set; }

    public int RouteRefusals { get; private set; }

    /// <summary>Message creations answered with the message an earlier request with the same nonce created.</summary>
    public int Repeats { get; private set; }

    public int OtherRequests { get; private set; }

    /// <summary>The gateway (and GET /gateway/bot) for bots that open a session.</summary>
    public FakeGateway Gateway { get; } = new();

    public static async Task<RateLimitedDiscord> StartAsync(TimeSpan latency)
    {
        var fake = new RateLimitedDiscord(latency);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        fake._app = builder.Build();
        fake._app.UseWebSockets();
        fake._app.Run(fake.HandleAsync);
        await fake._app.StartAsync().ConfigureAwait(false);
        fake.ApiBaseUrl = fake._app.Urls.First() + "/api/v10";
        return fake;
    }

    /// <summary>When each message was created, as an instant, in creation order.</summary>
    public IReadOnlyList<DateTimeOffset> CreatedAt()
    {
        lock (_gate)
        {
            return [.. _createdAt.Select(seconds => _startedAt + TimeSpan.FromSeconds(seconds))];
        }
    }

    /// <summary>When each global 429 was given, as an instant.</summary>
    public IReadOnlyList<DateTimeOffset> GlobalRefusedAt()
    {
        lock (_gate)
        {
            return [.. _globalRefusedAt.Select(seconds => _startedAt + TimeSpan.FromSeconds(seconds))];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (await ServeGatewayAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var path = context.Request.Path.Value ?? "";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (context.Request.Method == "POST" && segments is ["api", "v10", "users", "@me", "channels"])
        {
            await OpenDirectMessageAsync(context).ConfigureAwait(false);
            return;
        }

        if (context.Request.Method != "POST" || segments is not ["api", "v10", "channels", var channel, "messages"])
        {
            lock (_gate)
            {
                OtherRequests++;
            }

            await AnswerAsync(context, 404, """{"message":"404: Not Found","code":0}""").ConfigureAwait(false);
            return;
        }

        // The limits are counted when the request arrives, before its body is read, as close to the wire as this gets.
        Verdict verdict;
        lock (_gate)
        {
            Requests++;
            verdict = _limits.Admit(channel, _clock.Elapsed.TotalSeconds);
        }

        string? nonce;
        using (var body = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false))
        {
            nonce = body.RootElement.TryGetProperty("nonce", out var value) ? value.GetString() : null;
        }

        string answer;
        lock (_gate)
        {
            answer = verdict.Refusal switch
            {
                Refusal.Global => Refused(global: true),
                Refusal.Route => Refused(global: false, channel),
                _ when IsClosed(channel) => CannotSendToUser,
                _ => Create(channel, nonce),
            };
        }

        var headers = context.Response.Headers;
        var resetAfter = verdict.ResetAfter.ToString("0.000", CultureInfo.InvariantCulture);
        if (verdict.Refusal != Refusal.Global)
        {
            headers["X-RateLimit-Limit"] = _limits.RouteLimit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = verdict.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset-After"] = resetAfter;
            headers["X-RateLimit-Reset"] = (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 + verdict.ResetAfter).ToString("0.000", CultureInfo.InvariantCulture);
            headers["X-RateLimit-Bucket"] = "fake0message0bucket";
        }

        if (verdict.Refusal != Refusal.None)
        {
            headers["Retry-After"] = Math.Ceiling(verdict.RetryAfter).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Scope"] = verdict.Refusal == Refusal.Global ? "global" : "user";
            if (verdict.Refusal == Refusal.Global)
            {
                headers["X-RateLimit-Global"] = "true";
            }

            answer = answer.Replace("RETRY", verdict.RetryAfter.ToString("0.000", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var status = verdict.Refusal != Refusal.None ? 429 : answer == CannotSendToUser ? 403 : 200;
        await AnswerAsync(context, status, answer).ConfigureAwait(false);
    }

    private string Refused(bool global, string channel = "")
    {
        if (global)
        {
            GlobalRefusals++;
            _globalRefusedAt.Add(_clock.Elapsed.TotalSeconds);
        }
        else
        {
            RouteRefusals++;
            _routeRefusalsPerChannel[channel] = _routeRefusalsPerChannel.GetValueOrDefault(channel) + 1;
        }

        return $$"""{"message":"You are being rate limited.","retry_after":RETRY,"global":{{(global ? "true" : "false")}}}""";
    }

    private string Create(string channel, string? nonce)
    {
        if (nonce is not null && _messagesByNonce.TryGetValue(nonce, out var existing))
        {
            Repeats++;
            return Message(existing, channel);
        }

        var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
        if (nonce is not null)
        {
            _messagesByNonce[nonce] = id;
        }

        _messagesPerChannel[channel] = _messagesPerChannel.GetValueOrDefault(channel) + 1;
        _createdAt.Add(_clock.Elapsed.TotalSeconds);
        return Message(id, channel);
    }

    private static string Message(string id, string channel) => $$"""{"id":"{{id}}","channel_id":"{{channel}}","content":""}""";

    private async Task AnswerAsync(HttpContext context, int status, string body)
    {
        // The way back from a Discord far away: the request was handled (and a message created) on arrival.
        await Task.Delay(_latency).ConfigureAwait(false);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body).ConfigureAwait(false);
    }
}
