using System.Collections.Concurrent;
using System.Globalization;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Discord.Gateway;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Testing.Coordination;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests.Gateway;

/// <summary>
/// Instances sharing the bot's shards through one lease store, on a frozen clock moved by the simulation alone; each
/// shard's session is stand-in work that records who runs it (the real connection: <see cref="ShardedGatewayTests"/>).
/// </summary>
public sealed class ShardSupervisorTests
{
    private static readonly DateTimeOffset _start = DateTimeOffset.Parse("2027-01-04T08:00:00Z", CultureInfo.InvariantCulture);

    private readonly FakeTimeProvider _clock = new(_start);
    private readonly InMemoryLeaseStore _store = new();
    private readonly SlotOccupancy _occupancy = new();
    private readonly ConcurrentQueue<GatewayShard> _started = new();
    private readonly ShardHolders _holders;
    private readonly LeaseSimulation _simulation;

    public ShardSupervisorTests()
    {
        _simulation = new LeaseSimulation(_clock);
        _holders = new ShardHolders(_store, new InstanceIdentity("web-1"));
    }

    [Fact]
    public async Task PrepareAsync_AutoShardCount_RunsTheCountThatGatewayBotRecommends()
    {
        var supervisor = Supervisor("web-1", "auto", recommended: 3);

        var leases = await supervisor.PrepareAsync(CancellationToken.None);
        await leases.TickAsync();
        await _occupancy.WaitUntilEachRunsOnceAsync(3);

        Assert.Equal(["discord:shard:0", "discord:shard:1", "discord:shard:2"], leases.Plan.Slots.Select(slot => slot.Name));
        Assert.Equal([new GatewayShard(0, 3), new GatewayShard(1, 3), new GatewayShard(2, 3)], _started.OrderBy(shard => shard.Id));
        var held = await _holders.HoldersAsync(_clock.GetUtcNow());
        Assert.Equal([(0, 3, "web-1", true), (1, 3, "web-1", true), (2, 3, "web-1", true)], held.Select(c => (c.Number, c.Count, c.Holder, c.IsThisInstance)));
    }

    [Fact]
    public async Task TickAsync_TwoInstances_ShareTheShardsAndNeverOpenOneTwice()
    {
        var a = await Supervisor("web-1").PrepareAsync(CancellationToken.None);
        var b = await Supervisor("web-2").PrepareAsync(CancellationToken.None);

        await _simulation.StartOutOfStepAsync(a, b, TimeSpan.FromSeconds(3));
        await _occupancy.WaitUntilEachRunsOnceAsync(4);

        Assert.Equal((2, 2), (a.Held.Count, b.Held.Count));
        Assert.Empty(_occupancy.Overlaps);
    }

    [Fact]
    public async Task TickAsync_AnInstanceDies_TheOtherTakesItsShardsWithin30Seconds()
    {
        var a = await Supervisor("web-1").PrepareAsync(CancellationToken.None);
        var b = await Supervisor("web-2").PrepareAsync(CancellationToken.None);
        await _simulation.StartOutOfStepAsync(a, b, TimeSpan.FromSeconds(3));
        var aShards = a.Held.Select(slot => slot.Number).ToList();

        // SIGKILL right after a renewal: its leases outlive it by the whole 30 s.
        var death = await _simulation.KillAfterItsNextRenewalAsync(a, _occupancy);
        await _simulation.RunUntilAsync(death + TimeSpan.FromSeconds(30));
        await _occupancy.WaitUntilEachRunsOnceAsync(4, "web-2");

        Assert.Equal(2, aShards.Count);
        Assert.Equal([0, 1, 2, 3], b.Held.Select(slot => slot.Number));
        Assert.Empty(_occupancy.Overlaps);
    }

    [Fact]
    public async Task TickAsync_PinnedToAShard_RunsThatShardOnlyAndASecondProcessPinnedAlikeWaits()
    {
        var a = await Supervisor("shard-1-a", "4", shardId: 1).PrepareAsync(CancellationToken.None);
        var b = await Supervisor("shard-1-b", "4", shardId: 1).PrepareAsync(CancellationToken.None);
        _simulation.Add(a);
        _simulation.Add(b);

        await _simulation.RunForAsync(TimeSpan.FromMinutes(2));
        await _occupancy.WaitUntilAsync(o => o.RunnersOf(1).Count == 1, "shard 1 runs");

        Assert.Equal([new GatewayShard(1, 4)], _started);
        Assert.Equal(["shard-1-a"], _occupancy.RunnersOf(1));
        Assert.Empty(b.Held);
        // /status still lists every shard of the bot: the others belong to processes pinned to them.
        var held = await _holders.HoldersAsync(_clock.GetUtcNow());
        Assert.Equal([null, "shard-1-a", null, null], held.Select(connection => connection.Holder));
    }

    [Fact]
    public async Task PrepareAsync_PinnedShardBeyondTheRecommendedCount_FailsNamingTheSettings()
    {
        var supervisor = Supervisor("web-1", "auto", shardId: 5, recommended: 2);

        var failure = await Assert.ThrowsAsync<GatewayFatalException>(() => supervisor.PrepareAsync(CancellationToken.None));

        Assert.Equal("Discord:ShardId 5 is not below the shard count 2 (Discord:ShardCount auto)", failure.Message);
    }

    private ShardSupervisor Supervisor(string instance, string shardCount = "auto", int? shardId = null, int recommended = 4)
    {
        var rest = new FakeDiscordRestClient(() => new GatewayBotInfo("ws://127.0.0.1:1", recommended, new SessionStartLimit(1000, 1000, 0, 1)));
        var options = Options.Create(new DiscordOptions { Token = GatewayHarness.Token, ApplicationId = "1", ShardCount = shardCount, ShardId = shardId });
        var work = _occupancy.WorkOf(instance);
        return new ShardSupervisor(rest, options, _store, new InstanceIdentity(instance), _clock, NullLogger<ShardSupervisor>.Instance, (shard, token) =>
        {
            _started.Enqueue(shard);
            return work(shard.Id, token);
        }, () => 0.5, _holders);
    }
}
