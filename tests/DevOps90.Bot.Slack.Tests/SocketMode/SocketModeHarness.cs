using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Inbound;
using DevOps90.Bot.Slack.SocketMode;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Logging;
using DevOps90.Bot.Testing.Slack;

namespace DevOps90.Bot.Slack.Tests.SocketMode;

/// <summary>A <see cref="SocketModeClient"/> running against a <see cref="FakeSlackSocketServer"/> on frozen time, every collaborator recorded.</summary>
internal sealed class SocketModeHarness : IAsyncDisposable
{
    /// <summary>Where the frozen clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly CancellationTokenSource _stop = new();
    private readonly SocketModeEnvelopeProcessor _processor;

    private SocketModeHarness(FakeSlackSocketServer server)
    {
        Server = server;
        Api = new SocketUrlApi(server);
        Recent = new SlackRecentIds(Clock);
        _processor = new SocketModeEnvelopeProcessor(Handler, Recent, Logs.For<SocketModeEnvelopeProcessor>());
        // random 0.5: the n-th backoff is 1 s * 2^(n-1) * 0.75.
        Client = new SocketModeClient(Api, _processor, Clock, Logs.For<SocketModeClient>(), () => 0.5);
    }

    public FakeSlackSocketServer Server { get; }

    public ObservedClock Clock { get; } = new(Start);

    public SocketUrlApi Api { get; }

    public SlackRecentIds Recent { get; }

    public RecordingInboundHandler Handler { get; } = new();

    public RecordingLogs Logs { get; } = new();

    public SocketModeClient Client { get; }

    /// <summary>RunAsync, started on the thread pool.</summary>
    public Task Run { get; private set; } = Task.CompletedTask;

    public static async Task<SocketModeHarness> StartAsync(Action<SocketModeHarness>? before = null)
    {
        var harness = new SocketModeHarness(await FakeSlackSocketServer.StartAsync());
        before?.Invoke(harness);
        harness.Run = Task.Run(() => harness.Client.RunAsync(harness._stop.Token));
        return harness;
    }

    public static JsonObject EventCallback(string eventId) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = "T0001",
        ["event_id"] = eventId,
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0001", ["text"] = "<@U0BOT> today", ["channel"] = "C0001" },
    };

    public static JsonObject SlashCommand(string text = "today") => new()
    {
        ["command"] = "/devops90",
        ["text"] = text,
        ["user_id"] = "U0001",
        ["channel_id"] = "C0001",
        ["trigger_id"] = "1111.2222.abcd",
    };

    public Task StopAsync() => _stop.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // A run that ignores cancellation fails the test here rather than hanging the suite.
        await Task.WhenAny(Run, Task.Delay(FakeSlackSocketServer.Patience));
        Assert.True(Run.IsCompleted, "RunAsync did not end after cancellation");
        await Server.DisposeAsync();
        _processor.Dispose();
        _stop.Dispose();
    }
}
