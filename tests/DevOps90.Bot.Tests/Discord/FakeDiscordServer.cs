using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// A Discord-compatible REST server on loopback, inside the test: keeps registered commands, creates messages
/// (deduplicating on nonce with enforce_nonce, as Discord does), and records every request.
/// </summary>
internal sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _messagesByNonce = new();
    private readonly ConcurrentDictionary<string, bool> _messages = new();
    private JsonArray _commands = [];
    private long _nextId = 1_900_000_000_000_000_000;

    private FakeDiscordServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string ApiBaseUrl { get; private set; } = "";

    public static async Task<FakeDiscordServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeDiscordServer(builder.Build());
        server._app.UseWebSockets();
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.ApiBaseUrl = server._app.Urls.First() + "/api/v10";
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await RunGatewayAsync(context);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var body = System.Text.Encoding.UTF8.GetString(bytes);
        var path = context.Request.Path.Value ?? "";
        Requests.Enqueue(new RecordedRequest(context.Request.Method, path, body, context.Request.Headers.Authorization.ToString())
        {
            ContentType = context.Request.ContentType,
            BodyBytes = bytes,
            ReceivedAt = TimeProvider.System.GetUtcNow(),
        });
        context.Response.ContentType = "application/json";
        if (await HandleCoachingAsync(context, context.Request.Method, path))
        {
            return;
        }

        switch (context.Request.Method)
        {
            case "GET" when path.EndsWith("/gateway/bot", StringComparison.Ordinal):
                await context.Response.WriteAsync(GatewayBot(context));
                break;
            case "GET" when path.EndsWith("/commands", StringComparison.Ordinal):
                await context.Response.WriteAsync(_commands.ToJsonString());
                break;
            case "PUT" when path.EndsWith("/commands", StringComparison.Ordinal):
                _commands = JsonNode.Parse(body)!.AsArray();
                foreach (var command in _commands)
                {
                    command!["id"] = NextId();
                    command["version"] = NextId();
                    if (command["default_member_permissions"] is { } permissions)
                    {
                        command["default_member_permissions"] = permissions.ToJsonString();
                    }
                }

                await context.Response.WriteAsync(_commands.ToJsonString());
                break;
            case "POST" when path.Contains("/channels/", StringComparison.Ordinal) && path.EndsWith("/messages", StringComparison.Ordinal):
                var channel = path.Split('/')[^2];
                using (var message = JsonDocument.Parse(body))
                {
                    var nonce = message.RootElement.TryGetProperty("nonce", out var value) ? value.GetString() : null;
                    var id = nonce is not null && message.RootElement.TryGetProperty("enforce_nonce", out var enforce) && enforce.GetBoolean()
                        ? _messagesByNonce.GetOrAdd(nonce, _ => NextId())
                        : NextId();
                    _messages[id] = true;
                    await context.Response.WriteAsync($$"""{"id":"{{id}}","channel_id":"{{channel}}"}""");
                }

                break;
            case "PATCH" when path.Contains("/channels/", StringComparison.Ordinal) && path.Split('/')[^2] == "messages":
                var edited = path.Split('/')[^1];
                if (_messages.ContainsKey(edited))
                {
                    await context.Response.WriteAsync($$"""{"id":"{{edited}}","channel_id":"{{path.Split('/')[^3]}}"}""");
                }
                else
                {
                    context.Response.StatusCode = 404;
                    await context.Response.WriteAsync("""{"message":"Unknown Message","code":10008}""");
                }

                break;
            case "PATCH" when path.Contains("/webhooks/", StringComparison.Ordinal) && path.EndsWith("/messages/@original", StringComparison.Ordinal):
                await context.Response.WriteAsync($$"""{"id":"{{NextId()}}","channel_id":"5"}""");
                break;
            default:
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("""{"message":"404: Not Found","code":0}""");
                break;
        }
    }

    /// <summary>As a member deleting a message would: later edits of it answer 404 Unknown Message.</summary>
    public void Delete(string messageId) => _messages.TryRemove(messageId, out _);

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record RecordedRequest(string Method, string Path, string Body, string Authorization)
{
    public string? ContentType { get; init; }

    public byte[] BodyBytes { get; init; } = [];

    /// <summary>When the request reached the fake (the system clock), which is when Discord counts it.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
