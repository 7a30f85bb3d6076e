using System.Globalization;
using System.Reflection;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Discord;
using DevOps90.Bot.Testing.Postgres;
using DevOps90.Bot.Testing.Processes;
using Npgsql;

namespace DevOps90.Bot.Tests.Coordination;

/// <summary>
/// One run for <see cref="ThreeInstancesTests"/>: three bot processes (the built DevOps90.Bot.dll) on one PostgreSQL
/// database, on the gateway of one rate-limited fake Discord that answers 300 ms late; 200 cohorts due at the same
/// second, a short time ahead in real time (the processes have no clock to move). While the posts go out, the
/// instance holding the gateway shard is killed with SIGKILL and started again. The tests read what the fake saw.
/// </summary>
public sealed class ThreeInstancesRun : IAsyncLifetime, IDisposable
{
    public const int Cohorts = 200;

    /// <summary>How long a claim protects a post: the claims the killed instance held are retried after it.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(5);

    // Three processes start on two shared cores, each migrating, reading the content and scheduling 200 cohorts: about
    // 25 s on a quiet machine. One that is not ready by the due second still has the grace to be.
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan ReadyGrace = TimeSpan.FromSeconds(90);

    private readonly List<BotProcess> _bots = [];
    private TempFolder? _folder;
    private TestPostgresDatabase? _database;

    public string? SkipReason { get; private set; }

    public RateLimitedDiscord Discord { get; private set; } = null!;

    /// <summary>Posts the fake had created when the instance was killed.</summary>
    public int CreatedBeforeKill { get; private set; }

    /// <summary>Posts the killed instance had logged as sent (by trigger or reconciliation) before it died.</summary>
    public int SentByKilledInstance { get; private set; }

    /// <summary>From the kill to the next IDENTIFY at the fake's gateway; null when none came.</summary>
    public TimeSpan? SessionMovedAfter { get; private set; }

    /// <summary>From the kill to the expiry of the shard's lease the killed instance held, as it left it.</summary>
    public TimeSpan LeaseLapsedAfter { get; private set; }

    /// <summary>The process ids of the instance killed and of the shard's holder at the end.</summary>
    public (int Killed, int? HolderAtEnd) Holders { get; private set; }

    /// <summary>The process ids of the bots alive at the end.</summary>
    public IReadOnlyList<int> Live { get; private set; } = [];

    /// <summary>What happened, for a failure's message: timings and each bot's counts.</summary>
    public List<string> Story { get; } = [];

    public async Task InitializeAsync()
    {
        SkipReason = await TestPostgres.SkipReasonAsync();
        if (SkipReason is not null)
        {
            return;
        }

        _folder = new TempFolder();
        _database = await TestPostgres.CreateDatabaseAsync();
        Discord = await RateLimitedDiscord.StartAsync(TimeSpan.FromMilliseconds(300));
        var due = Truncate(TimeProvider.System.GetUtcNow() + Lead);
        var cohorts = new FanoutCohorts(Cohorts, due);
        for (var instance = 1; instance <= 3; instance++)
        {
            _bots.Add(Start($"bot-{instance}", cohorts));
        }

        // A bot that is late (the machine is busy) still takes part: late triggers fire, and its start's
        // reconciliation sends what is due. Only a bot that never starts ends the run.
        var ready = Task.WhenAll(_bots.Select(bot => bot.ReadyBeforeAsync(due + ReadyGrace)));
        var victim = await KillShardHolderMidwayAsync(due);
        Note($"ready, in seconds after the due second: {string.Join(", ", (await ready).Select(before => before is { } b ? $"{(ReadyGrace - b).TotalSeconds:0.0}" : "never"))}");
        if ((await ready).Any(before => before is null))
        {
            throw new InvalidOperationException($"a bot did not start and schedule {Cohorts} cohorts within {(Lead + ReadyGrace).TotalSeconds} s; see the logs in {_folder.Path}");
        }

        _bots.Add(Start("bot-restarted", cohorts));
        SessionMovedAfter = await SessionMovedAsync(victim.KilledAt);
        await EveryPostOrTimeoutAsync(victim.KilledAt + ClaimLease + (4 * ReconcileInterval));
        // Whatever the killed instance had claimed is retried after its lease: any repeat or duplicate has come by then.
        await DelayUntilAsync(victim.KilledAt + ClaimLease + (2 * ReconcileInterval));
        Holders = (victim.Pid, (await ShardLeaseAsync())?.Pid);
        Live = [.. _bots.Where(bot => !bot.Exited.IsCompleted).Select(bot => bot.Id)];
        Note($"posts {Discord.MessagesPerChannel().Values.Sum()} in {Discord.MessagesPerChannel().Count} channels; repeats absorbed by the nonce {Discord.Repeats}; "
            + $"429 global {Discord.GlobalRefusals}, route {Discord.RouteRefusals}; requests {Discord.Requests}");
        Note($"sent (trigger + reconciliation) by each bot: {string.Join(", ", _bots.Select(bot => $"{bot.Id}: {bot.SentByTrigger}+{bot.SentByReconciliation}"))}");
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_bots.Select(bot => bot.StopAsync(TimeSpan.FromSeconds(20))));
        _bots.ForEach(bot => bot.Dispose());
        if (Discord is not null)
        {
            await Discord.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>After <see cref="DisposeAsync"/>: the bots' data and logs, unless DEVOPS90_KEEP_LOGS=1 keeps them to read.</summary>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("DEVOPS90_KEEP_LOGS") != "1")
        {
            _folder?.Dispose();
        }
    }

    private static DateTimeOffset Truncate(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), at.Offset);

    private static async Task DelayUntilAsync(DateTimeOffset at)
    {
        var left = at - TimeProvider.System.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }

    private BotProcess Start(string name, FanoutCohorts cohorts) =>
        BotProcess.Start(
            BuiltBot.Dll(typeof(ThreeInstancesRun).Assembly),
            Path.Combine(_folder!.Path, name + ".log"),
            [
                $"Storage:DataDirectory={Path.Combine(_folder.Path, name)}",
                "Storage:Provider=Postgres",
                $"Storage:ConnectionString={_database!.ConnectionString}",
                $"Scheduling:ClaimLease={ClaimLease:c}",
                $"Scheduling:ReconcileInterval={ReconcileInterval:c}",
                .. BotProcess.FakeDiscordSettings(Discord.ApiBaseUrl, "Gateway"),
                .. BotProcess.LogSettings("Information"),
                .. cohorts.AsSettings(),
            ]);

    /// <summary>
    /// Once a quarter of the posts are out, SIGKILL to the instance holding shard 0's lease (the gateway session): it
    /// dies holding that lease, claims of posts it was sending, and posts queued but not yet claimed.
    /// </summary>
    private async Task<(int Pid, DateTimeOffset KilledAt)> KillShardHolderMidwayAsync(DateTimeOffset due)
    {
        while (Discord.CreatedAt().Count < Cohorts / 4 && TimeProvider.System.GetUtcNow() < due + ReadyGrace)
        {
            await Task.Delay(20);
        }

        var (holder, _) = await ShardLeaseAsync() ?? throw new InvalidOperationException("no instance holds the gateway shard's lease");
        var victim = _bots.Single(bot => bot.Id == holder);
        await victim.KillAsync();
        var killedAt = TimeProvider.System.GetUtcNow();
        // Read once it is dead: the expiry of its last renewal, which nothing changes until another instance takes it.
        LeaseLapsedAfter = ((await ShardLeaseAsync())?.ExpiresAt ?? killedAt) - killedAt;
        CreatedBeforeKill = Discord.CreatedAt().Count;
        SentByKilledInstance = victim.SentByTrigger + victim.SentByReconciliation;
        Note($"killed {holder} (shard holder) at +{(killedAt - due).TotalSeconds:0.0} s after {CreatedBeforeKill} posts; it had sent {SentByKilledInstance}");
        return (holder, killedAt);
    }

    private async Task<TimeSpan?> SessionMovedAsync(DateTimeOffset killedAt)
    {
        while (TimeProvider.System.GetUtcNow() < killedAt + TimeSpan.FromSeconds(45))
        {
            if (Discord.Gateway.IdentifiedAt.LastOrDefault() is var at && at > killedAt)
            {
                Note($"the next IDENTIFY came {(at - killedAt).TotalSeconds:0.0} s after the kill; the lease lapsed {LeaseLapsedAfter.TotalSeconds:0.0} s after it");
                return at - killedAt;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private async Task EveryPostOrTimeoutAsync(DateTimeOffset deadline)
    {
        while (Discord.MessagesPerChannel().Count < Cohorts && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The unexpired lease of shard 0: its holder's process id (instance ids are machine/process id/random) and when
    /// it expires.
    /// </summary>
    private async Task<(int Pid, DateTimeOffset ExpiresAt)?> ShardLeaseAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT holder, expires_at FROM leases WHERE name = 'discord:shard:0' AND expires_at > @now", connection);
        command.Parameters.AddWithValue("now", TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (int.Parse(reader.GetString(0).Split('/')[^2], CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)))
            : null;
    }

    private void Note(string line) => Story.Add($"{TimeProvider.System.GetUtcNow():HH:mm:ss.f} {line}");
}
