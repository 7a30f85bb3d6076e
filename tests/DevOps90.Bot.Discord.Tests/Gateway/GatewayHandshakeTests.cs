using System.Text.Json;
using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Tests.Gateway;

public sealed class GatewayHandshakeTests
{
    [Fact]
    public async Task RunAsync_Hello_FirstHeartbeatAfterJitteredIntervalThenEveryInterval()
    {
        // Frozen time: only the test moves it, so "not yet" and "now" are exact.
        var clock = new ObservedClock();
        await using var gateway = await GatewayHarness.StartAsync(clock, random: () => 0.25);
        var client = await gateway.Server.NextConnectionAsync();

        await client.SendHelloAsync(1000);
        await client.ReceiveAsync(2);
        await clock.WaitForNextDelayAsync(TimeSpan.FromMilliseconds(250));
        clock.Fake.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Null(await client.TryReceiveAsync(TimeSpan.FromMilliseconds(100)));
        clock.Fake.Advance(TimeSpan.FromMilliseconds(1));
        var first = await client.ReceiveAsync(1);

        // The fake gateway has acknowledged it; this dispatch reaching the handler proves the ACK was read first.
        await client.SendDispatchAsync("GUILD_CREATE", 5, new { id = "42" });
        await gateway.Handler.NextAsync("GUILD_CREATE");
        await clock.WaitForNextDelayAsync(TimeSpan.FromMilliseconds(1000));
        clock.Fake.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Null(await client.TryReceiveAsync(TimeSpan.FromMilliseconds(100)));
        clock.Fake.Advance(TimeSpan.FromMilliseconds(1));
        var second = await client.ReceiveAsync(1);

        Assert.Equal(JsonValueKind.Null, first.GetProperty("d").ValueKind);
        Assert.Equal(5, second.GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task RunAsync_Hello_IdentifiesWithTokenGuildsIntentAndShard()
    {
        // max_concurrency 16 puts shard 2 in the first group: it may identify at once.
        await using var gateway = await GatewayHarness.StartAsync(limit: new SessionStartLimit(1000, 999, 0, 16), shard: new GatewayShard(2, 3));
        var client = await gateway.Server.NextConnectionAsync();

        await client.SendHelloAsync(45_000);
        var identify = (await client.ReceiveAsync(2)).GetProperty("d");

        Assert.Equal("/gateway", client.Path);
        Assert.Equal("?v=10&encoding=json", client.Query);
        Assert.Equal(GatewayHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal(1, identify.GetProperty("intents").GetInt32());
        Assert.Equal([2, 3], identify.GetProperty("shard").EnumerateArray().Select(shard => shard.GetInt32()));
        var properties = identify.GetProperty("properties");
        Assert.All(["os", "browser", "device"], name => Assert.False(string.IsNullOrEmpty(properties.GetProperty(name).GetString())));
    }

    [Fact]
    public async Task RunAsync_Connect_UpgradeRequestCarriesTheBotsUserAgent()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var client = await gateway.Server.NextConnectionAsync();

        // The same "DiscordBot (url, version)" as the REST client: a server may refuse a client without one.
        Assert.Equal(DiscordRestClient.UserAgent, client.UserAgent);
    }

    [Fact]
    public async Task RunAsync_DispatchAfterReady_ReachesHandlerAndHeartbeatCarriesItsSequence()
    {
        // Frozen time: no scheduled heartbeat can go out, so the one that comes answers Discord's request.
        var clock = new ObservedClock();
        await using var gateway = await GatewayHarness.StartAsync(clock);
        var client = await gateway.ReadyAsync();

        await client.SendDispatchAsync("INTERACTION_CREATE", 2, new { id = "1234", type = 2, data = new { name = "today" } });
        var interaction = await gateway.Handler.NextAsync("INTERACTION_CREATE");
        await client.SendAsync(new { op = 1, d = (object?)null });
        var heartbeat = await client.ReceiveAsync(1);

        Assert.Equal("1234", interaction.Data.GetProperty("id").GetString());
        Assert.Equal("today", interaction.Data.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(2, heartbeat.GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ConnectionStaysAndNextDispatchArrives()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        gateway.Handler.Failing.Add("GUILD_CREATE");
        var client = await gateway.ReadyAsync();

        await client.SendDispatchAsync("GUILD_CREATE", 2, new { id = "42" });
        await client.SendDispatchAsync("INTERACTION_CREATE", 3, new { id = "1234" });
        var interaction = await gateway.Handler.NextAsync("INTERACTION_CREATE");

        Assert.Equal("1234", interaction.Data.GetProperty("id").GetString());
        Assert.Equal(1, gateway.Server.ConnectionCount);
        Assert.False(gateway.Run.IsCompleted);
        Assert.Contains(gateway.Logs.Entries, entry => entry.Exception is InvalidOperationException && entry.Message.Contains("GUILD_CREATE"));
    }

    [Fact]
    public async Task RunAsync_NoSessionStartsLeft_WaitsResetAfterBeforeConnecting()
    {
        var clock = new ObservedClock();
        await using var gateway = await GatewayHarness.StartAsync(clock, limit: new SessionStartLimit(1000, 0, 3_000, 1));

        await clock.WaitForNextDelayAsync(TimeSpan.FromSeconds(3));
        clock.Fake.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        var connection = gateway.Server.NextConnectionAsync();
        var early = await Task.WhenAny(connection, Task.Delay(100)) == connection;
        clock.Fake.Advance(TimeSpan.FromMilliseconds(1));
        await connection;

        Assert.False(early, "connected before reset_after");
    }

    [Fact]
    public async Task RunAsync_Cancelled_ClosesWith1000AndReturns()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var client = await gateway.ReadyAsync();

        await gateway.StopAsync();
        var closed = await client.ClientClosed.WaitAsync(FakeGatewayServer.Patience);
        await gateway.Run.WaitAsync(FakeGatewayServer.Patience);

        Assert.Equal(1000, closed);
    }

    [Fact]
    public async Task RunAsync_CancelledAndDiscordAnswersTheClose_LogsTheShutdownAsOurs()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var client = await gateway.ReadyAsync();
        client.EchoClose = true;

        await gateway.StopAsync();
        await client.ClientClosed.WaitAsync(FakeGatewayServer.Patience);
        await gateway.Run.WaitAsync(FakeGatewayServer.Patience);

        var entries = gateway.Logs.Entries;
        Assert.Contains(entries, entry => entry.Level == LogLevel.Information && entry.Message == "Closing the Gateway connection: the bot is stopping");
        Assert.DoesNotContain(entries, entry => entry.Message.Contains("Discord closed", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.Level >= LogLevel.Warning);
    }
}
