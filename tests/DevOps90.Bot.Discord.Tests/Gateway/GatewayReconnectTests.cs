using System.Text.Json;
using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Discord.Tests.Gateway;

public sealed class GatewayReconnectTests
{
    [Fact]
    public async Task RunAsync_HeartbeatAckMissing_ClosesResumablyAndResumesOnResumeUrl()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var client = await gateway.Server.NextConnectionAsync();
        client.AcknowledgeHeartbeats = false;
        await client.SendHelloAsync(2_000);
        await client.ReceiveAsync(2);
        await client.SendReadyAsync("session-1", gateway.Server.ResumeUrl);
        await client.SendDispatchAsync("GUILD_CREATE", 2, new { id = "42" });
        await gateway.Handler.NextAsync("GUILD_CREATE");

        var closed = await client.ClientClosed.WaitAsync(FakeGatewayServer.Patience);
        var resume = await ResumeAsync(gateway);

        // 1000 and 1001 would end the session it wants to resume.
        Assert.NotNull(closed);
        Assert.NotEqual(1000, closed);
        Assert.NotEqual(1001, closed);
        AssertResumes(resume, "session-1", 2);
    }

    [Fact]
    public async Task RunAsync_Reconnect_ResumesOnResumeUrl()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var client = await gateway.ReadyAsync();
        await client.SendDispatchAsync("GUILD_CREATE", 2, new { id = "42" });
        await gateway.Handler.NextAsync("GUILD_CREATE");

        await client.SendBeforeTheBotLeavesAsync(new { op = 7, d = (object?)null });
        var closed = await client.ClientClosed.WaitAsync(FakeGatewayServer.Patience);
        var resume = await ResumeAsync(gateway);

        Assert.NotEqual(1000, closed);
        AssertResumes(resume, "session-1", 2);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionResumable_ResumesOnResumeUrl()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var client = await gateway.ReadyAsync();
        await client.SendDispatchAsync("GUILD_CREATE", 2, new { id = "42" });
        await gateway.Handler.NextAsync("GUILD_CREATE");

        await client.SendBeforeTheBotLeavesAsync(new { op = 9, d = true });
        var resume = await ResumeAsync(gateway);

        AssertResumes(resume, "session-1", 2);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionNotResumable_IdentifiesAnewAfterRandomWait()
    {
        // random 0.75: the documented 1-5 s wait is 4 s, longer than the 0.875 s backoff it must not be confused with.
        var clock = new ObservedClock();
        await using var gateway = await GatewayHarness.StartAsync(clock, random: () => 0.75);
        var client = await gateway.ReadyAsync();
        // Past the 5 s identify spacing, so that the wait checked below is the invalid session's alone.
        clock.Fake.Advance(TimeSpan.FromSeconds(6));

        await client.SendBeforeTheBotLeavesAsync(new { op = 9, d = false });
        await clock.WaitForNextDelayAsync(TimeSpan.FromSeconds(4));
        clock.Fake.Advance(TimeSpan.FromSeconds(4) - TimeSpan.FromMilliseconds(1));
        var reconnect = gateway.Server.NextConnectionAsync();
        var early = await Task.WhenAny(reconnect, Task.Delay(100)) == reconnect;
        clock.Fake.Advance(TimeSpan.FromMilliseconds(1));
        var next = await reconnect;
        await next.SendHelloAsync(45_000);
        var identify = await next.ReceiveAsync(2);

        Assert.False(early, "reconnected before the 4 s wait");
        Assert.Equal("/gateway", next.Path);
        Assert.Equal(GatewayHarness.Token, identify.GetProperty("d").GetProperty("token").GetString());
        Assert.Equal(2, gateway.Rest.GatewayBotCalls);
    }

    [Theory]
    [InlineData(4000, true)]
    [InlineData(4008, true)]
    [InlineData(4007, false)]
    [InlineData(4009, false)]
    public async Task RunAsync_NonFatalClose_ReconnectsResumingOnlyWhenTheCodeAllows(int code, bool resumes)
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var client = await gateway.ReadyAsync();

        await client.CloseAsync(code);
        var next = await gateway.Server.NextConnectionAsync();
        await next.SendHelloAsync(45_000);
        var handshake = await next.ReceiveAsync(resumes ? 6 : 2);

        Assert.Equal(resumes ? "/resume" : "/gateway", next.Path);
        Assert.Equal("?v=10&encoding=json", next.Query);
        Assert.Equal(GatewayHarness.Token, handshake.GetProperty("d").GetProperty("token").GetString());
    }

    [Fact]
    public async Task RunAsync_RepeatedCloses_BackOffExponentially()
    {
        // Frozen time, so the test checks the delays asked for rather than how punctual the machine's timers are.
        // random 0.5: backoff n is 1 s * 2^(n-1) * 0.75.
        var clock = new ObservedClock();
        await using var gateway = await GatewayHarness.StartAsync(clock, random: () => 0.5);
        var client = await gateway.Server.NextConnectionAsync();

        foreach (var backoff in new[] { 0.75, 1.5, 3.0 })
        {
            await client.CloseAsync(4000);
            await clock.WaitForNextDelayAsync(TimeSpan.FromSeconds(backoff));
            clock.Fake.Advance(TimeSpan.FromSeconds(backoff) - TimeSpan.FromMilliseconds(1));
            var early = gateway.Server.NextConnectionAsync();
            Assert.False(await Task.WhenAny(early, Task.Delay(100)) == early, $"reconnected before {backoff} s");
            clock.Fake.Advance(TimeSpan.FromMilliseconds(1));
            client = await early;
        }
    }

    [Theory]
    [InlineData(4004, "authentication failed")]
    [InlineData(4010, "invalid shard")]
    [InlineData(4011, "sharding required")]
    [InlineData(4012, "invalid API version")]
    [InlineData(4013, "invalid intents")]
    [InlineData(4014, "disallowed intents")]
    public async Task RunAsync_FatalClose_EndsWithTheCauseAndNeverReconnects(int code, string cause)
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var client = await gateway.Server.NextConnectionAsync();
        await client.SendHelloAsync(45_000);
        await client.ReceiveAsync(2);

        await client.CloseAsync(code);
        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => gateway.Run.WaitAsync(FakeGatewayServer.Patience));

        Assert.Equal(code, error.CloseCode);
        Assert.Contains(code.ToString(), error.Message);
        Assert.Contains(cause, error.Message);
        Assert.Equal(1, gateway.Server.ConnectionCount);
        Assert.Equal(1, gateway.Rest.GatewayBotCalls);
        Assert.Contains(gateway.Logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Critical && entry.Message.Contains(cause));
    }

    [Fact]
    public async Task RunAsync_AnyFlow_NeverLogsOrThrowsTheToken()
    {
        // Identify, dispatch with a failing handler, invalid session, identify again, then an authentication failure.
        await using var gateway = await GatewayHarness.StartAsync();
        gateway.Handler.Failing.Add("GUILD_CREATE");
        var client = await gateway.ReadyAsync();
        await client.SendDispatchAsync("GUILD_CREATE", 2, new { id = "42" });
        await gateway.Handler.NextAsync("GUILD_CREATE");
        await client.SendBeforeTheBotLeavesAsync(new { op = 9, d = false });
        client = await gateway.Server.NextConnectionAsync();
        await client.SendHelloAsync(45_000);
        await client.ReceiveAsync(2);
        await client.CloseAsync(4004);
        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => gateway.Run.WaitAsync(FakeGatewayServer.Patience));

        Assert.Contains(gateway.Logs.Entries, entry => entry.Everything.Contains("4004"));
        Assert.Contains(gateway.Logs.Entries, entry => entry.Everything.Contains("session-1"));
        Assert.All(gateway.Logs.Entries, entry => Assert.DoesNotContain(GatewayHarness.Token, entry.Everything));
        Assert.DoesNotContain(GatewayHarness.Token, error.ToString());
    }

    private static async Task<JsonElement> ResumeAsync(GatewayHarness gateway)
    {
        var next = await gateway.Server.NextConnectionAsync();
        Assert.Equal("/resume", next.Path);
        Assert.Equal("?v=10&encoding=json", next.Query);
        await next.SendHelloAsync(45_000);
        return await next.ReceiveAsync(6);
    }

    private static void AssertResumes(JsonElement resume, string sessionId, long sequence)
    {
        var data = resume.GetProperty("d");
        Assert.Equal(GatewayHarness.Token, data.GetProperty("token").GetString());
        Assert.Equal(sessionId, data.GetProperty("session_id").GetString());
        Assert.Equal(sequence, data.GetProperty("seq").GetInt64());
    }
}
