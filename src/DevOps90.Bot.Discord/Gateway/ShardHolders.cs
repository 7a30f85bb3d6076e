using DevOps90.Bot.Core.Coordination;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// Which instance holds each of the bot's shards, for /status: every shard, pinned deployments included, once the
/// <see cref="ShardSupervisor"/> has settled their count. A class of its own so that /status, which the gateway's
/// dispatch handler serves, does not depend on the gateway it is served by.
/// </summary>
internal sealed class ShardHolders(ILeaseStore leases, InstanceIdentity instance) : IConnectionReport
{
    private volatile LeasePlan? _shards;

    public string Platform => "discord";

    public async Task<IReadOnlyList<HeldConnection>> HoldersAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _shards is { } plan ? await plan.ConnectionsAsync(leases, ConnectionKind.GatewayShard, instance.Id, now, cancellationToken).ConfigureAwait(false) : [];

    /// <summary>The plan of every shard, when their count is known.</summary>
    public void Publish(LeasePlan shards) => _shards = shards;
}
