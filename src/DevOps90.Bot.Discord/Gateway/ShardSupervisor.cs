using System.Globalization;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// Runs this instance's share of the bot's gateway shards, so that N identical instances open exactly one session per
/// shard between them. It settles the shard count (Discord:ShardCount, or with "auto" the count GET /gateway/bot
/// recommends), then lets a <see cref="LeaseSupervisor"/> hold the shards' leases ("discord:shard:N"): a
/// <see cref="GatewayConnection"/> runs for each shard held, stops at once when its lease is lost, and another
/// instance takes a dead one's shards within 30 seconds. Discord:ShardId pins the process to that one shard instead
/// (one process per shard), still through its lease, so that two processes pinned alike never both connect.
/// <para>A fatal close faults this service; with the host's default BackgroundServiceExceptionBehavior.StopHost the
/// bot then stops with the cause logged, instead of running on without Discord.</para>
/// </summary>
internal sealed partial class ShardSupervisor(
    IDiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILeaseStore leases,
    InstanceIdentity instance,
    TimeProvider time,
    ILogger<ShardSupervisor> logger,
    Func<GatewayShard, CancellationToken, Task> runShard,
    Func<double> random,
    ShardHolders? holders = null,
    ILeaseObserver? observer = null) : BackgroundService
{
    public const string ShardPrefix = "discord:shard:";

    /// <summary>Heartbeats of the instances that share shards out: the count that sets each one's share.</summary>
    public const string InstancePrefix = "discord:instance:";

    public static string LeaseName(int shard) => ShardPrefix + shard.ToString(CultureInfo.InvariantCulture);

    /// <summary>Settles the shard count and builds the supervisor of this instance's shards (public to tests, which play its rounds).</summary>
    public async Task<LeaseSupervisor> PrepareAsync(CancellationToken cancellationToken)
    {
        var count = await ShardCountAsync(cancellationToken).ConfigureAwait(false);
        var all = new LeasePlan(ShardPrefix, [.. Enumerable.Range(0, count).Select(shard => Slot(shard, count))], InstancePrefix);
        LeasePlan plan;
        if (options.Value.ShardId is { } pinned)
        {
            if (pinned >= count)
            {
                var cause = $"Discord:ShardId {pinned} is not below the shard count {count} (Discord:ShardCount {options.Value.ShardCount})";
                LogFatal(logger, cause);
                throw new GatewayFatalException(cause);
            }

            // Pinned processes take no part in sharing out: no heartbeat, no share, only their own shard.
            plan = new LeasePlan(ShardPrefix, [Slot(pinned, count)]);
        }
        else
        {
            plan = all;
        }

        holders?.Publish(all);
        LogShards(logger, count, options.Value.ShardId is { } id ? $"shard {id} only" : "a share of them", instance.Id);
        return new LeaseSupervisor(leases, instance.Id, plan, (slot, token) => runShard(new GatewayShard(slot.Number, count), token), time, observer);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var supervisor = await PrepareAsync(stoppingToken).ConfigureAwait(false);
        await supervisor.RunAsync(stoppingToken).ConfigureAwait(false);
    }

    private static LeaseSlot Slot(int shard, int count) => new(LeaseName(shard), shard, $"Discord shard {shard}/{count}");

    /// <summary>The configured count, or Discord's recommendation, asked again after a failure with backoff.</summary>
    private async Task<int> ShardCountAsync(CancellationToken cancellationToken)
    {
        if (options.Value.FixedShardCount is { } fixedCount)
        {
            return fixedCount;
        }

        for (var failures = 1; ; failures++)
        {
            if (await GatewayBotLookup.TryGetAsync(rest, logger, cancellationToken).ConfigureAwait(false) is { Shards: > 0 } gateway)
            {
                return gateway.Shards;
            }

            var delay = GatewayBackoff.After(failures, random);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The bot runs {ShardCount} gateway shards; this instance ({Instance}) runs {Which}")]
    private static partial void LogShards(ILogger logger, int shardCount, string which, string instance);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The Discord gateway cannot start: {Cause}")]
    private static partial void LogFatal(ILogger logger, string cause);
}
