using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Testing.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Tests.Gateway;

/// <summary>A <see cref="GatewayConnection"/> running against a <see cref="FakeGatewayServer"/>, with every collaborator recorded.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    /// <summary>Shaped like a bot token, so a log line that leaks it is easy to spot.</summary>
    public const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret-token-value-that-must-not-leak";

    private readonly CancellationTokenSource _stop = new();

    private GatewayHarness(FakeGatewayServer server, TimeProvider clock, Func<double> random, DiscordOptions options, SessionStartLimit limit, GatewayShard shard)
    {
        Shard = shard;
        Server = server;
        Clock = clock;
        Rest = new FakeDiscordRestClient(() => new GatewayBotInfo(server.GatewayUrl, 1, limit));
        // The client's own give-up timeouts are stretched: on the fast clock, 15 s to connect would be 300 ms of a
        // loaded test machine's real time.
        var timeouts = new GatewayTimeouts(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));
        Connection = new GatewayConnection(Rest, Options.Create(options), Handler, clock, Logs.For<GatewayConnection>(), random, timeouts);
    }

    public FakeGatewayServer Server { get; }

    /// <summary>The shard the connection runs.</summary>
    public GatewayShard Shard { get; }

    public TimeProvider Clock { get; }

    public FakeDiscordRestClient Rest { get; }

    public RecordingDispatchHandler Handler { get; } = new();

    public RecordingLogs Logs { get; } = new();

    public GatewayConnection Connection { get; }

    /// <summary>RunAsync, started on the thread pool.</summary>
    public Task Run { get; private set; } = Task.CompletedTask;

    public static async Task<GatewayHarness> StartAsync(
        TimeProvider? clock = null,
        Func<double>? random = null,
        DiscordOptions? options = null,
        SessionStartLimit? limit = null,
        GatewayShard? shard = null)
    {
        clock ??= new FastClock();
        var server = await FakeGatewayServer.StartAsync(clock);
        var harness = new GatewayHarness(
            server,
            clock,
            random ?? (() => 0.5),
            options ?? new DiscordOptions { Token = Token, ApplicationId = "1" },
            limit ?? new SessionStartLimit(1000, 999, 14_400_000, 1),
            shard ?? new GatewayShard(0, 1));
        harness.Run = Task.Run(() => harness.Connection.RunAsync(harness.Shard, harness._stop.Token));
        return harness;
    }

    /// <summary>Connects, identifies and becomes ready as session "session-1"; returns the live connection.</summary>
    public async Task<FakeGatewayClient> ReadyAsync(int heartbeatIntervalMs = 45_000)
    {
        var client = await Server.NextConnectionAsync();
        await client.SendHelloAsync(heartbeatIntervalMs);
        await client.ReceiveAsync(2);
        await client.SendReadyAsync("session-1", Server.ResumeUrl);
        await Handler.NextAsync("READY");
        return client;
    }

    public Task StopAsync() => _stop.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // A run that ignores cancellation fails the test here rather than hanging the suite.
        await Task.WhenAny(Run, Task.Delay(FakeGatewayServer.Patience));
        Assert.True(Run.IsCompleted, "RunAsync did not end after cancellation");
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
