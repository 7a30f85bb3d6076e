using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Testing.Slack;

/// <summary>
/// A Slack Web API on loopback (Kestrel), for adapter and host tests: it keeps messages per channel, answers reads
/// from configured users, channels and user groups, runs the file upload flow, stands in for slash commands'
/// response_url, and records every request so that tests assert exactly what was sent. Failures are scripted per
/// method (see FakeSlackApi.Scripts.cs). Thread-safe: all state is behind one lock.
/// </summary>
public sealed partial class FakeSlackApi : IAsyncDisposable
{
    public const string DefaultBotToken = "xoxb-0000000001-0000000002-fakeBotTokenForTests";
    public const string DefaultAppToken = "xapp-1-A0FAKE-0000000003-fakeAppTokenForTests";
    public const string TeamId = "T0FAKE";
    public const string BotUserId = "U0FAKEBOT";
    public const string BotId = "B0FAKEBOT";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<FakeSlackCall> _calls = [];
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = [];

    private FakeSlackApi(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>http://127.0.0.1:port, where the upload and response_url endpoints live.</summary>
    public string Root { get; private set; } = "";

    /// <summary>The Web API base to configure as Slack:ApiBaseUrl (…/api).</summary>
    public string BaseUrl => Root + "/api";

    /// <summary>The bot token every method but apps.connections.open must carry; a wrong one gets invalid_auth.</summary>
    public string BotToken { get; set; } = DefaultBotToken;

    public string AppToken { get; set; } = DefaultAppToken;

    /// <summary>What apps.connections.open answers: a fake Socket Mode server's ws:// URL in end-to-end tests.</summary>
    public Uri ConnectionUrl { get; set; } = new("wss://wss-fake.slack.invalid/link/?ticket=fake-ticket");

    /// <summary>Starts the fake on a free loopback port. <paramref name="time"/> stamps <see cref="FakeSlackCall.ReceivedAt"/>.</summary>
    public static async Task<FakeSlackApi> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeSlackApi(builder.Build(), time ?? TimeProvider.System);
        fake._app.Run(fake.HandleAsync);
        await fake._app.StartAsync().ConfigureAwait(false);
        fake.Root = fake._app.Urls.First().TrimEnd('/');
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeSlackCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<FakeSlackCall> CallsTo(string method) => [.. Calls.Where(call => call.Method == method)];

    /// <summary>Completes once <paramref name="count"/> calls of <paramref name="method"/> have arrived.</summary>
    public Task WaitForCallsAsync(string method, int count, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            bool Done() => _calls.Count(call => call.Method == method) >= count;
            if (Done())
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Done, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (context.Request.Method != HttpMethods.Post)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        }
        else if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await HandleMethodAsync(context, path["/api/".Length..]).ConfigureAwait(false);
        }
        else if (path.StartsWith("/upload/", StringComparison.Ordinal))
        {
            await HandleUploadAsync(context, path["/upload/".Length..]).ConfigureAwait(false);
        }
        else if (path.StartsWith("/response/", StringComparison.Ordinal))
        {
            await HandleResponseUrlAsync(context, path["/response/".Length..]).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task HandleMethodAsync(HttpContext context, string method)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var arguments = FakeSlackArguments.Parse(context.Request.ContentType, body, context.Request.Query);
        Record(new FakeSlackCall(method, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, arguments, body, _time.GetUtcNow()));

        var script = TakeScript(method, ChannelOf(arguments));
        if (script?.Kind == ScriptKind.RateLimit)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = script.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteAsync(context, Error("ratelimited")).ConfigureAwait(false);
            return;
        }

        if (script?.Kind == ScriptKind.ServerError)
        {
            context.Response.StatusCode = script.Status;
            await context.Response.WriteAsync("<html>upstream failure</html>").ConfigureAwait(false);
            return;
        }

        var answer = CheckToken(method, context.Request.Headers.Authorization.ToString())
            ?? (script?.Kind == ScriptKind.Fail ? ScriptedError(script) : Dispatch(method, arguments));
        if (script?.Kind == ScriptKind.Abort)
        {
            // The call was handled (a message posted, say) but its answer is lost: what a crash or a timeout looks like.
            context.Abort();
            return;
        }

        await WriteAsync(context, answer).ConfigureAwait(false);
    }

    private JsonObject Dispatch(string method, JsonObject arguments) => method switch
    {
        "chat.postMessage" => PostMessage(arguments),
        "chat.postEphemeral" => PostEphemeral(arguments),
        "chat.update" => Update(arguments),
        "conversations.history" => History(arguments),
        "conversations.info" => ConversationInfo(arguments),
        "users.info" => UserInfo(arguments),
        "usergroups.users.list" => UsergroupUsers(arguments),
        "files.getUploadURLExternal" => GetUploadUrl(arguments),
        "files.completeUploadExternal" => CompleteUpload(arguments),
        "apps.connections.open" => Ok(new JsonObject { ["url"] = ConnectionUrl.ToString() }),
        "auth.test" => Ok(new JsonObject { ["team_id"] = TeamId, ["user_id"] = BotUserId, ["bot_id"] = BotId }),
        "conversations.open" => OpenDirectMessage(arguments),
        _ => Error("unknown_method"),
    };

    private JsonObject? CheckToken(string method, string authorization)
    {
        var expected = method == "apps.connections.open" ? AppToken : BotToken;
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Error("not_authed");
        }

        return authorization["Bearer ".Length..] == expected ? null : Error("invalid_auth");
    }

    private void Record(FakeSlackCall call)
    {
        lock (_lock)
        {
            _calls.Add(call);
            foreach (var waiter in _waiters.Where(waiter => waiter.Done()).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    private static string? ChannelOf(JsonObject arguments) =>
        (arguments["channel"] ?? arguments["channel_id"]) is JsonValue value && value.TryGetValue<string>(out var channel) ? channel : null;

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Task WriteAsync(HttpContext context, JsonObject answer)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(answer.ToJsonString(), Encoding.UTF8);
    }

    private static JsonObject Ok(JsonObject fields)
    {
        var answer = new JsonObject { ["ok"] = true };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            answer[name] = value;
        }

        return answer;
    }

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };
}
