using System.Globalization;
using System.Text.Json.Nodes;

namespace DevOps90.Bot.LoadTest.Fanout;

/// <summary>
/// One fan-out run: N cohorts, each in its own Discord channel, all due at the same minute; the real host sends their
/// posts to <see cref="FakeDiscord"/>. Reports when the posts were created against the floor the global limit sets
/// (N / 50 s), how many the triggers sent and how many were left to reconciliation, duplicates, repeats the nonce
/// absorbed, and 429s.
/// </summary>
internal sealed class FanoutRun(FanoutOptions options, TextWriter output)
{
    private const int GlobalPerSecond = 50;

    public async Task<int> RunAsync()
    {
        await using var discord = await FakeDiscord.StartAsync(options.Latency).ConfigureAwait(false);
        var now = TimeProvider.System.GetUtcNow();
        var due = NextWholeMinute(now + options.Lead);
        WriteCohorts(due);

        using var host = BenchHost.Start(options, discord.ApiBaseUrl);
        var ready = await WaitUntilReadyAsync(host, due).ConfigureAwait(false);
        var startTook = TimeProvider.System.GetUtcNow() - now;
        if (ready is null)
        {
            output.WriteLine($"the host did not start and schedule {options.Cohorts} cohorts before the due minute; see its log, or raise --lead");
            return 1;
        }

        var floor = TimeSpan.FromSeconds((double)options.Cohorts / GlobalPerSecond);
        // Long enough for posts left to the reconciliation that comes every 2 minutes, with room for a slow round.
        var deadline = due + (4 * floor) + TimeSpan.FromMinutes(5);
        while (discord.CreatedAt().Count < options.Cohorts && TimeProvider.System.GetUtcNow() < deadline && !host.Exited.IsCompleted)
        {
            await Task.Delay(200).ConfigureAwait(false);
        }

        // Repeats a retry might still send, and the last log lines.
        await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var cpu = host.CpuTime();
        var stopTook = await host.StopAsync(TimeSpan.FromSeconds(40)).ConfigureAwait(false);
        Report(discord, host, due, (startTook, ready.Value), floor, cpu, stopTook);
        return 0;
    }

    private static DateTimeOffset NextWholeMinute(DateTimeOffset at)
    {
        var minute = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
        return minute < at ? minute.AddMinutes(1) : minute;
    }

    /// <summary>
    /// The cohorts, in UTC, posting at <paramref name="due"/>: each starts the next day, so the post at the due minute is
    /// its first ("Tomorrow — Day 1") and nothing earlier is due when the host starts.
    /// </summary>
    private void WriteCohorts(DateTimeOffset due)
    {
        var start = DateOnly.FromDateTime(due.UtcDateTime).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var postTime = due.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var cohorts = new JsonArray();
        for (var number = 1; number <= options.Cohorts; number++)
        {
            cohorts.Add(new JsonObject
            {
                ["Id"] = $"fanout-{number:00000}",
                ["Curriculum"] = "2022",
                ["Language"] = "en",
                ["StartDate"] = start,
                ["TimeZone"] = "UTC",
                ["PostTime"] = postTime,
                ["Cadence"] = "daily",
                ["Target"] = $"discord:{1_300_000_000_000_000_000L + number}",
            });
        }

        var settings = new JsonObject { ["Cohorts"] = cohorts };
        File.WriteAllText(Path.Combine(options.BotDirectory, "config", "appsettings.Fanout.json"), settings.ToJsonString());
    }

    /// <summary>How long before the due minute the host was up with every trigger in place; null when it was not in time.</summary>
    private static async Task<TimeSpan?> WaitUntilReadyAsync(BenchHost host, DateTimeOffset due)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        while (TimeProvider.System.GetUtcNow() < due && !host.Exited.IsCompleted)
        {
            if (host.Scheduled.IsCompleted && await AnswersAsync(http, host.BaseUrl + "/healthz").ConfigureAwait(false))
            {
                return due - TimeProvider.System.GetUtcNow();
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        return null;
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string url)
    {
        try
        {
            using var answer = await http.GetAsync(new Uri(url)).ConfigureAwait(false);
            return answer.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private void Report(FakeDiscord discord, BenchHost host, DateTimeOffset due, (TimeSpan Took, TimeSpan Before) start, TimeSpan floor, TimeSpan cpu, TimeSpan stopTook)
    {
        var created = discord.CreatedAt().Select(at => (at - due).TotalSeconds).Order().ToList();
        double At(double share) => created.Count == 0 ? double.NaN : created[Math.Min(created.Count - 1, (int)(share * created.Count))];
        var last = created.Count == 0 ? double.NaN : created[^1];
        var ratio = last / floor.TotalSeconds;
        var globalShare = discord.Requests == 0 ? 0 : 100.0 * discord.GlobalRefusals / discord.Requests;
        var missing = options.Cohorts - created.Count;
        string S(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);

        output.WriteLine($"== fan-out {options.Label}: {options.Cohorts} cohorts due at {due:HH:mm:ss} UTC, Discord answering {options.Latency.TotalMilliseconds:0} ms late");
        output.WriteLine($"host started and scheduled in {S(start.Took.TotalSeconds)} s, {S(start.Before.TotalSeconds)} s before the due minute; host CPU {S(cpu.TotalSeconds)} s; stop took {S(stopTook.TotalSeconds)} s");
        output.WriteLine($"posts created: {created.Count} of {options.Cohorts} (missing {missing}); first +{S(At(0))} s, half +{S(At(0.5))} s, last +{S(last)} s");
        output.WriteLine($"floor (N / {GlobalPerSecond} per s): {S(floor.TotalSeconds)} s; last post at {ratio.ToString("0.00", CultureInfo.InvariantCulture)}x the floor");
        output.WriteLine($"sent by the trigger: {host.SentByTrigger}; left to reconciliation: {host.SentByReconciliation}; will-retry lines: {host.WillRetry}; failed for good: {host.FailedForGood}");
        output.WriteLine($"requests {discord.Requests}; 429 global {discord.GlobalRefusals} ({globalShare.ToString("0.00", CultureInfo.InvariantCulture)}%), 429 route {discord.RouteRefusals}; repeats absorbed by the nonce {discord.Repeats}; duplicates {discord.ChannelsWithMoreThanOneMessage()}; other requests {discord.OtherRequests}");
        var refused = discord.GlobalRefusedAt().Select(at => (at - due).TotalSeconds).ToList();
        if (refused.Count > 0)
        {
            output.WriteLine($"global 429s given from +{S(refused[0])} s to +{S(refused[^1])} s; in the first 2 s of posting: {refused.Count(at => at < At(0) + 2)}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT label={options.Label} cohorts={options.Cohorts} latency_ms={options.Latency.TotalMilliseconds:0} created={created.Count} last_s={last:0.0} floor_s={floor.TotalSeconds:0.0} ratio={ratio:0.00} trigger={host.SentByTrigger} reconciliation={host.SentByReconciliation} retries={host.WillRetry} global429={discord.GlobalRefusals} route429={discord.RouteRefusals} repeats={discord.Repeats} duplicates={discord.ChannelsWithMoreThanOneMessage()} cpu_s={cpu.TotalSeconds:0.0}"));
    }
}
