using System.Globalization;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Tests.Gateway;

/// <summary>
/// Instances as the bot builds them (a shard supervisor, its own gateway connection and identify gate) sharing one
/// lease store and one fake gateway, on frozen time: only the test moves it, so "not yet" and "now" are exact.
/// </summary>
public sealed class ShardedGatewayTests : IDisposable
{
    private static readonly DateTimeOffset _start = DateTimeOffset.Parse("2027-01-04T08:00:00Z", CultureInfo.InvariantCulture);

    private readonly ObservedClock _clock = new(_start);
    private readonly InMemoryLeaseStore _store = new();
    private readonly RecordingLogs _logs = new();
    private readonly List<LeaseSupervisor> _instances = [];

    [Fact]
    public async Task TickAsync_LeaseLostToAnotherInstance_ClosesThatShardsSessionAtOnce()
    {
        await using var server = await FakeGatewayServer.StartAsync(_clock);
        try
        {
            var instance = await StartAsync(server, "web-1", shardId: null, shardCount: "1");
            await instance.TickAsync();
            var (client, _) = await ReadyAsync(server, "session-1");
            client.EchoClose = true;

            // The instance stalls past its lease (a long pause), and another one takes the shard meanwhile.
            _clock.Fake.Advance(TimeSpan.FromSeconds(31));
            Assert.True(await _store.TryAcquireAsync(ShardSupervisor.LeaseName(0), "web-2", _clock.GetUtcNow(), TimeSpan.FromSeconds(30)));
            await instance.TickAsync();
            var closed = await client.ClientClosed.WaitAsync(FakeGatewayServer.Patience);

            Assert.Equal(1000, closed);
            Assert.Empty(instance.Held);
            Assert.Equal(1, server.ConnectionCount);
        }
        finally
        {
            await StopAllAsync();
        }
    }

    [Fact]
    public async Task Identify_ShardsOfOneBucketOnTwoInstances_AreFiveSecondsApartEvenWhenBothMustIdentifyAtOnce()
    {
        // max_concurrency 1: shards 0 and 1 share rate-limit key 0, each pinned to an instance of its own.
        await using var server = await FakeGatewayServer.StartAsync(_clock);
        try
        {
            var a = await StartAsync(server, "web-1", shardId: 0, shardCount: "2");
            var b = await StartAsync(server, "web-2", shardId: 1, shardCount: "2");
            await a.TickAsync();
            await b.TickAsync();
            var (first, firstShard) = await ReadyAsync(server, "session-a");
            await _clock.WaitForDelayAsync(TimeSpan.FromSeconds(5));
            _clock.Fake.Advance(TimeSpan.FromSeconds(5));
            var (second, secondShard) = await ReadyAsync(server, "session-b");

            // Discord restarts: both sessions are invalid at once, and both wait the same 3 s (random 0.5) to identify.
            await first.SendBeforeTheBotLeavesAsync(new { op = 9, d = false });
            await second.SendBeforeTheBotLeavesAsync(new { op = 9, d = false });
            await _clock.WaitForDelayAsync(TimeSpan.FromSeconds(3), times: 2);
            _clock.Fake.Advance(TimeSpan.FromSeconds(3));
            // 8 s: shard 0 alone would identify now, but its bucket's last identify (shard 1's, at 5 s) holds it to 10 s;
            // shard 1 waits 2 s too, for 5 s since its own.
            await _clock.WaitForDelayAsync(TimeSpan.FromSeconds(2), times: 2);
            var early = server.NextConnectionAsync();
            Assert.False(await Task.WhenAny(early, Task.Delay(100)) == early, "a shard identified within 5 s of its bucket's last identify");
            _clock.Fake.Advance(TimeSpan.FromSeconds(2));
            var third = await early;
            await third.SendHelloAsync(45_000);
            await third.ReceiveAsync(2);
            await _clock.WaitForDelayAsync(TimeSpan.FromSeconds(5), times: 2);
            var later = server.NextConnectionAsync();
            Assert.False(await Task.WhenAny(later, Task.Delay(100)) == later, "both shards identified at 10 s");
            _clock.Fake.Advance(TimeSpan.FromSeconds(5));
            var fourth = await later;

            Assert.Equal((0, 1), (firstShard, secondShard));
            Assert.Equal(TimeSpan.FromSeconds(5), _clock.GetElapsedTime(first.AcceptedAt, second.AcceptedAt));
            Assert.Equal(TimeSpan.FromSeconds(10), _clock.GetElapsedTime(first.AcceptedAt, third.AcceptedAt));
            Assert.Equal(TimeSpan.FromSeconds(5), _clock.GetElapsedTime(third.AcceptedAt, fourth.AcceptedAt));
        }
        finally
        {
            await StopAllAsync();
        }
    }

    /// <summary>One instance: its own connection and identify gate, the shared store; its rounds are the test's to play.</summary>
    private async Task<LeaseSupervisor> StartAsync(FakeGatewayServer server, string id, int? shardId, string shardCount)
    {
        var identity = new InstanceIdentity(id);
        var options = Options.Create(new DiscordOptions { Token = GatewayHarness.Token, ApplicationId = "1", ShardId = shardId, ShardCount = shardCount });
        var rest = new FakeDiscordRestClient(() => new GatewayBotInfo(server.GatewayUrl, 2, new SessionStartLimit(1000, 990, 0, 1)));
        var gate = new IdentifyGate(_store, identity, _clock, _logs.For<IdentifyGate>());
        // Stretched give-up timeouts, as in GatewayHarness; random 0.5 everywhere.
        var timeouts = new GatewayTimeouts(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));
        var connection = new GatewayConnection(rest, options, new RecordingDispatchHandler(), _clock, _logs.For<GatewayConnection>(), () => 0.5, timeouts, gate);
        var supervisor = new ShardSupervisor(rest, options, _store, identity, _clock, _logs.For<ShardSupervisor>(), connection.RunAsync, () => 0.5);
        var leases = await supervisor.PrepareAsync(CancellationToken.None);
        _instances.Add(leases);
        return leases;
    }

    private static async Task<(FakeGatewayClient Client, int Shard)> ReadyAsync(FakeGatewayServer server, string sessionId)
    {
        var client = await server.NextConnectionAsync();
        await client.SendHelloAsync(45_000);
        var identify = await client.ReceiveAsync(2);
        await client.SendReadyAsync(sessionId, server.ResumeUrl);
        return (client, identify.GetProperty("d").GetProperty("shard")[0].GetInt32());
    }

    public void Dispose() => _logs.Dispose();

    private async Task StopAllAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.StopAsync().WaitAsync(FakeGatewayServer.Patience);
        }
    }
}
