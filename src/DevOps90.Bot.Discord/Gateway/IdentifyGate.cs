using DevOps90.Bot.Core.Coordination;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Discord.Gateway;

/// <summary>
/// Discord accepts max_concurrency identifies every 5 seconds, one per rate-limit key (shard_id % max_concurrency,
/// https://discord.com/developers/docs/events/gateway#sharding-max-concurrency), counted per bot, whichever instance
/// sends them. Each identify first takes the key's lease "discord:identify:&lt;key&gt;" for 5 s and never releases it, so the
/// next identify of that key anywhere comes 5 s later at the earliest. The owner is new for every identify: the lease
/// is never "already ours", even for two shards of one instance.
/// </summary>
internal sealed partial class IdentifyGate(ILeaseStore leases, InstanceIdentity instance, TimeProvider time, ILogger<IdentifyGate> logger)
{
    public const string Prefix = "discord:identify:";

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private long _identifies;

    public async Task WaitAsync(GatewayShard shard, int maxConcurrency, CancellationToken cancellationToken)
    {
        var name = Prefix + shard.RateLimitKey(maxConcurrency).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var owner = $"{instance.Id}#{shard.Id}#{Interlocked.Increment(ref _identifies)}";
        while (true)
        {
            var now = time.GetUtcNow();
            if (await leases.TryAcquireAsync(name, owner, now, Window, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            // Refused means a live lease at now, which the list at the same now shows (unless it lapsed meanwhile:
            // then the next try takes it).
            if ((await leases.ListAsync(name, now, cancellationToken).ConfigureAwait(false)).FirstOrDefault(lease => lease.Name == name) is { } held)
            {
                var wait = held.ExpiresAt - now;
                LogWaiting(logger, shard, wait.TotalMilliseconds, held.Holder);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {Shard} waits {DelayMs} ms to identify: its bucket's last identify was {Holder}'s")]
    private static partial void LogWaiting(ILogger logger, GatewayShard shard, double delayMs, string holder);
}
