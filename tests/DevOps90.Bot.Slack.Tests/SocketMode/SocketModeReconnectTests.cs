using System.Net.WebSockets;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Slack.SocketMode;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Tests.SocketMode;

public sealed class SocketModeReconnectTests
{
    [Fact]
    public async Task RunAsync_RefreshRequested_OpensTheNewConnectionBeforeClosingTheOldAndLosesNothing()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        socketMode.Handler.Behaviour = async (inbound, _) =>
        {
            if (inbound.Payload["event_id"]!.GetValue<string>() == "in-flight")
            {
                await release.Task;
            }

            return null;
        };
        var old = await socketMode.Server.NextConnectionAsync();
        socketMode.Server.SayHello = false;
        var inFlight = await old.StartEnvelopeAsync("events_api", SocketModeHarness.EventCallback("in-flight"));

        await old.SendDisconnectAsync("refresh_requested");
        var fresh = await socketMode.Server.NextConnectionAsync();
        var oldOpenWhileNewOpens = old.IsOpen;
        // Slack goes on delivering on the old connection until the new one is up.
        await old.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("between"));
        await fresh.SendHelloAsync();
        // The old connection waits for its envelope in flight: it cannot close within this pause.
        await Task.Delay(100);
        var oldOpenWhileInFlight = old.IsOpen;
        release.SetResult();
        await old.AckAsync(inFlight);
        var oldClosed = await old.ClientClosed.WaitAsync(FakeSlackSocketServer.Patience);
        await fresh.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("after"));

        Assert.True(oldOpenWhileNewOpens);
        Assert.True(oldOpenWhileInFlight);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, oldClosed);
        Assert.True(fresh.IsOpen);
        Assert.Equal(["after", "between", "in-flight"], Ids(socketMode).Order(StringComparer.Ordinal));
        Assert.Equal(2, socketMode.Api.OpenConnectionCalls);
        Assert.Empty(socketMode.Logs.Problems);
    }

    [Fact]
    public async Task RunAsync_ConnectionDropped_ReconnectsWithJitteredExponentialBackoff()
    {
        // Frozen time, so the test checks the delays asked for rather than how punctual the machine's timers are.
        // random 0.5: backoff n is 1 s * 2^(n-1) * 0.75; it starts again once a connection has said hello.
        await using var socketMode = await SocketModeHarness.StartAsync();
        var connection = await socketMode.Server.NextConnectionAsync();
        socketMode.Server.SayHello = false;

        foreach (var backoff in new[] { 0.75, 1.5, 3.0 })
        {
            connection.Drop();
            await ReconnectsAfterAsync(socketMode, TimeSpan.FromSeconds(backoff));
            connection = await socketMode.Server.NextConnectionAsync();
        }

        socketMode.Server.SayHello = true;
        connection.Drop();
        await ReconnectsAfterAsync(socketMode, TimeSpan.FromSeconds(6));
        connection = await socketMode.Server.NextConnectionAsync();
        await connection.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev1"));
        connection.Drop();
        await socketMode.Clock.WaitForDelayAsync(TimeSpan.FromSeconds(0.75), times: 2);

        Assert.Equal(5, socketMode.Api.OpenConnectionCalls);
        Assert.Equal(
            [0.75, 1.5, 3.0, 6.0, 0.75],
            socketMode.Clock.Requested.Where(delay => delay < TimeSpan.FromSeconds(5) || delay == TimeSpan.FromSeconds(6)).Select(delay => delay.TotalSeconds));
    }

    [Fact]
    public async Task RunAsync_OpenConnectionFailsForAWhile_RetriesWithBackoff()
    {
        await using var socketMode = await SocketModeHarness.StartAsync(harness =>
        {
            harness.Api.FailNext(new HttpRequestException("Slack is unreachable"));
            harness.Api.FailNext(new SlackApiException("apps.connections.open", "internal_error", "Slack had an internal error", isPermanent: false));
        });

        await ReconnectsAfterAsync(socketMode, TimeSpan.FromSeconds(0.75));
        await ReconnectsAfterAsync(socketMode, TimeSpan.FromSeconds(1.5));
        var connection = await socketMode.Server.NextConnectionAsync();
        await connection.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev1"));

        Assert.Equal(3, socketMode.Api.OpenConnectionCalls);
        Assert.Contains(socketMode.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("Slack is unreachable", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("missing_scope")]
    public async Task RunAsync_OpenConnectionRefusedForGood_StopsWithTheCauseAndNeverRetries(string error)
    {
        await using var socketMode = await SocketModeHarness.StartAsync(harness =>
            harness.Api.FailNext(new SlackApiException("apps.connections.open", error, $"Slack answered {error}: check Slack:AppToken", isPermanent: true)));

        var fatal = await Assert.ThrowsAsync<SocketModeFatalException>(() => socketMode.Run.WaitAsync(FakeSlackSocketServer.Patience));

        Assert.Contains(error, fatal.Message, StringComparison.Ordinal);
        Assert.Equal(1, socketMode.Api.OpenConnectionCalls);
        Assert.Equal(0, socketMode.Server.ConnectionCount);
        Assert.Contains(socketMode.Logs.Entries, entry => entry.Level == LogLevel.Critical && entry.Message.Contains(error, StringComparison.Ordinal));
        Assert.DoesNotContain(socketMode.Clock.Requested, delay => delay < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RunAsync_LinkDisabled_ClosesAndStopsWithTheCause()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        var connection = await socketMode.Server.NextConnectionAsync();

        await connection.SendDisconnectAsync("link_disabled");
        var fatal = await Assert.ThrowsAsync<SocketModeFatalException>(() => socketMode.Run.WaitAsync(FakeSlackSocketServer.Patience));

        Assert.Contains("link_disabled", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.ClientClosed.WaitAsync(FakeSlackSocketServer.Patience));
        Assert.Equal(1, socketMode.Api.OpenConnectionCalls);
        Assert.Contains(socketMode.Logs.Entries, entry => entry.Level >= LogLevel.Error && entry.Message.Contains("link_disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_TooManyWebSockets_ClosesThatConnectionAndBacksOff()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        var connection = await socketMode.Server.NextConnectionAsync();

        await connection.SendDisconnectAsync("too_many_websockets");
        var closed = await connection.ClientClosed.WaitAsync(FakeSlackSocketServer.Patience);
        await ReconnectsAfterAsync(socketMode, TimeSpan.FromSeconds(0.75));
        var next = await socketMode.Server.NextConnectionAsync();
        await next.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev1"));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, closed);
        Assert.Equal(2, socketMode.Api.OpenConnectionCalls);
    }

    [Fact]
    public async Task RunAsync_Stopped_ClosesWith1000AndReturnsQuietly()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        var connection = await socketMode.Server.NextConnectionAsync();
        await connection.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev1"));

        await socketMode.StopAsync();
        await socketMode.Run.WaitAsync(FakeSlackSocketServer.Patience);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.ClientClosed.WaitAsync(FakeSlackSocketServer.Patience));
        Assert.Empty(socketMode.Logs.Problems);
        Assert.All(socketMode.Logs.Entries, entry => Assert.DoesNotContain("ticket=", entry.Everything, StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits for the client to ask for <paramref name="delay"/> (for the <paramref name="times"/>-th time), checks that
    /// it does not try again a moment before the delay is over, then lets it pass.
    /// </summary>
    private static async Task ReconnectsAfterAsync(SocketModeHarness socketMode, TimeSpan delay, int times = 1)
    {
        await socketMode.Clock.WaitForDelayAsync(delay, times);
        var calls = socketMode.Api.OpenConnectionCalls;
        socketMode.Clock.Fake.Advance(delay - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.Equal(calls, socketMode.Api.OpenConnectionCalls);
        socketMode.Clock.Fake.Advance(TimeSpan.FromMilliseconds(1));
    }

    private static List<string> Ids(SocketModeHarness socketMode) =>
        [.. socketMode.Handler.All.Select(inbound => inbound.Payload["event_id"]!.GetValue<string>())];
}
