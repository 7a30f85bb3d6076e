using System.Globalization;
using DevOps90.Bot.Testing.Discord;
using DevOps90.Bot.Testing.Postgres;
using DevOps90.Bot.Testing.Processes;

namespace DevOps90.Bot.LoadTest.Fanout;

/// <summary>
/// One fan-out run: N cohorts, each in its own Discord channel, all due at the same minute; one bot process, or several
/// on one PostgreSQL database, send their posts to <see cref="RateLimitedDiscord"/>. Reports when the posts were
/// created against the floor the global limit sets (N / 50 s, the limit being per bot whatever the instances), how
/// many the triggers sent and how many were left to reconciliation, duplicates, repeats the nonce absorbed, and 429s.
/// </summary>
internal sealed class FanoutRun(FanoutOptions options, TextWriter output)
{
    private const int GlobalPerSecond = 50;

    public async Task<int> RunAsync()
    {
        if (options.OnPostgres && await TestPostgres.SkipReasonAsync().ConfigureAwait(false) is { } problem)
        {
            output.WriteLine($"{options.Instances} instance(s) on PostgreSQL, and {problem}");
            return 1;
        }

        await using var discord = await RateLimitedDiscord.StartAsync(options.Latency).ConfigureAwait(false);
        await using var database = options.OnPostgres ? await TestPostgres.CreateDatabaseAsync().ConfigureAwait(false) : null;
        var now = TimeProvider.System.GetUtcNow();
        var due = NextWholeMinute(now + options.Lead);
        File.WriteAllText(Path.Combine(options.BotDirectory, "config", "appsettings.Fanout.json"), new FanoutCohorts(options.Cohorts, due).AsJson());

        var bots = Enumerable.Range(1, options.Instances).Select(instance => Start(instance, discord, database)).ToList();
        try
        {
            var ready = await Task.WhenAll(bots.Select(bot => bot.ReadyBeforeAsync(due))).ConfigureAwait(false);
            var startTook = TimeProvider.System.GetUtcNow() - now;
            if (ready.Any(before => before is null))
            {
                output.WriteLine($"{ready.Count(before => before is null)} of {bots.Count} bots did not start and schedule {options.Cohorts} cohorts before the due minute; see their logs, or raise --lead");
                return 1;
            }

            var floor = TimeSpan.FromSeconds((double)options.Cohorts / GlobalPerSecond);
            // Long enough for posts left to the reconciliation that comes every 2 minutes, with room for a slow round.
            var deadline = due + (4 * floor) + TimeSpan.FromMinutes(5);
            while (discord.CreatedAt().Count < options.Cohorts && TimeProvider.System.GetUtcNow() < deadline && !bots.All(bot => bot.Exited.IsCompleted))
            {
                await Task.Delay(200).ConfigureAwait(false);
            }

            // Repeats a retry might still send, and the last log lines.
            await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            var cpu = bots.Aggregate(TimeSpan.Zero, (sum, bot) => sum + bot.CpuTime());
            var stopTook = await Task.WhenAll(bots.Select(bot => bot.StopAsync(TimeSpan.FromSeconds(40)))).ConfigureAwait(false);
            Report(discord, bots, due, (startTook, ready.Min(before => before!.Value)), floor, cpu, stopTook.Max());
            return 0;
        }
        finally
        {
            bots.ForEach(bot => bot.Dispose());
        }
    }

    /// <summary>
    /// Bot <paramref name="instance"/> on the Fanout environment (the cohorts' settings file), Discord over HTTP (no
    /// gateway) at the fake, on SQLite in a data folder of its own or on the shared PostgreSQL database.
    /// </summary>
    private BotProcess Start(int instance, RateLimitedDiscord discord, TestPostgresDatabase? database)
    {
        var name = $"{options.Label}-{options.Cohorts}-{instance}";
        string[] storage = database is null ? [] : ["Storage:Provider=Postgres", $"Storage:ConnectionString={database.ConnectionString}"];
        return BotProcess.Start(
            Path.Combine(options.BotDirectory, "DevOps90.Bot.dll"),
            Path.Combine(options.WorkDirectory, $"host-{name}.log"),
            [
                $"Storage:DataDirectory={Path.Combine(options.WorkDirectory, $"data-{name}")}",
                .. storage,
                .. BotProcess.FakeDiscordSettings(discord.ApiBaseUrl, "Http"),
                .. BotProcess.LogSettings(),
            ],
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Fanout" });
    }

    private static DateTimeOffset NextWholeMinute(DateTimeOffset at)
    {
        var minute = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
        return minute < at ? minute.AddMinutes(1) : minute;
    }

    private void Report(RateLimitedDiscord discord, List<BotProcess> bots, DateTimeOffset due, (TimeSpan Took, TimeSpan Before) start, TimeSpan floor, TimeSpan cpu, TimeSpan stopTook)
    {
        var created = discord.CreatedAt().Select(at => (at - due).TotalSeconds).Order().ToList();
        double At(double share) => created.Count == 0 ? double.NaN : created[Math.Min(created.Count - 1, (int)(share * created.Count))];
        var last = created.Count == 0 ? double.NaN : created[^1];
        var ratio = last / floor.TotalSeconds;
        var globalShare = discord.Requests == 0 ? 0 : 100.0 * discord.GlobalRefusals / discord.Requests;
        var missing = options.Cohorts - created.Count;
        string S(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
        int Sum(Func<BotProcess, int> count) => bots.Sum(count);
        var (trigger, reconciliation) = (Sum(bot => bot.SentByTrigger), Sum(bot => bot.SentByReconciliation));
        var place = options.OnPostgres ? "PostgreSQL" : "SQLite";

        output.WriteLine($"== fan-out {options.Label}: {options.Cohorts} cohorts due at {due:HH:mm:ss} UTC on {bots.Count} instance(s) on {place}, Discord answering {options.Latency.TotalMilliseconds:0} ms late");
        output.WriteLine($"bots started and scheduled in {S(start.Took.TotalSeconds)} s, {S(start.Before.TotalSeconds)} s before the due minute; bots' CPU {S(cpu.TotalSeconds)} s; stop took {S(stopTook.TotalSeconds)} s");
        output.WriteLine($"posts created: {created.Count} of {options.Cohorts} (missing {missing}); first +{S(At(0))} s, half +{S(At(0.5))} s, last +{S(last)} s");
        output.WriteLine($"floor (N / {GlobalPerSecond} per s): {S(floor.TotalSeconds)} s; last post at {ratio.ToString("0.00", CultureInfo.InvariantCulture)}x the floor");
        output.WriteLine($"sent by the trigger: {trigger}; left to reconciliation: {reconciliation}; will-retry lines: {Sum(bot => bot.WillRetry)}; failed for good: {Sum(bot => bot.FailedForGood)}");
        if (bots.Count > 1)
        {
            output.WriteLine($"sent by each instance (trigger + reconciliation): {string.Join(", ", bots.Select(bot => bot.SentByTrigger + bot.SentByReconciliation))}");
        }

        output.WriteLine($"requests {discord.Requests}; 429 global {discord.GlobalRefusals} ({globalShare.ToString("0.00", CultureInfo.InvariantCulture)}%), 429 route {discord.RouteRefusals}; repeats absorbed by the nonce {discord.Repeats}; duplicates {discord.ChannelsWithMoreThanOneMessage()}; other requests {discord.OtherRequests}");
        var refused = discord.GlobalRefusedAt().Select(at => (at - due).TotalSeconds).ToList();
        if (refused.Count > 0)
        {
            output.WriteLine($"global 429s given from +{S(refused[0])} s to +{S(refused[^1])} s; in the first 2 s of posting: {refused.Count(at => at < At(0) + 2)}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT label={options.Label} cohorts={options.Cohorts} instances={bots.Count} store={place} latency_ms={options.Latency.TotalMilliseconds:0} created={created.Count} last_s={last:0.0} floor_s={floor.TotalSeconds:0.0} ratio={ratio:0.00} trigger={trigger} reconciliation={reconciliation} retries={Sum(bot => bot.WillRetry)} global429={discord.GlobalRefusals} route429={discord.RouteRefusals} repeats={discord.Repeats} duplicates={discord.ChannelsWithMoreThanOneMessage()} cpu_s={cpu.TotalSeconds:0.0}"));
    }
}
