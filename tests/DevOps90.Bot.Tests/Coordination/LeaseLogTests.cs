using DevOps90.Bot.Coordination;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Testing.Logging;

namespace DevOps90.Bot.Tests.Coordination;

/// <summary>What an operator reads in each instance's log about who holds which shard.</summary>
public sealed class LeaseLogTests : IDisposable
{
    private static readonly LeaseSlot _shard = new("discord:shard:3", 3, "Discord shard 3/8");

    private readonly RecordingLogs _logs = new();
    private readonly LeaseLog _log;

    public LeaseLogTests() => _log = new LeaseLog(_logs.For<LeaseLog>(), new InstanceIdentity("web-1/41/9f0c1a"));

    [Fact]
    public void OnChange_EachKind_SaysWhichShardAndWhoHoldsIt()
    {
        _log.OnChange(new LeaseChange(LeaseChangeKind.Taken, _shard, "web-1/41/9f0c1a"));
        _log.OnChange(new LeaseChange(LeaseChangeKind.HeldElsewhere, _shard, "web-2/17/4be0d2"));
        _log.OnChange(new LeaseChange(LeaseChangeKind.Lost, _shard, Reason: "another instance holds it"));
        _log.OnChange(new LeaseChange(LeaseChangeKind.Released, _shard, Reason: "this instance is stopping"));
        _log.OnChange(new LeaseChange(LeaseChangeKind.HeldElsewhere, _shard));

        Assert.Equal(
        [
            "Discord shard 3/8 held by web-1/41/9f0c1a (this instance): taken",
            "Discord shard 3/8 held by web-2/17/4be0d2",
            "Discord shard 3/8 lost (another instance holds it): its connection here was stopped at once",
            "Discord shard 3/8 released by web-1/41/9f0c1a (this instance): this instance is stopping",
            "Discord shard 3/8 held by no instance: its holder released it or stopped renewing it",
        ], _logs.Entries.Select(entry => entry.Message));
    }

    public void Dispose() => _logs.Dispose();
}
