using System.Diagnostics;
using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Discord;
using DevOps90.Bot.Discord.Rest;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Sqlite;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Discord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.LoadTest.Reminders;

/// <summary>
/// N members of one group with reminders due at the same instant, sent by the bot's own reminder round (the one
/// ReminderWorker runs each minute) with its SQLite stores and the reminders' ledger, through the real Discord REST
/// client, rate limiter and DM messenger, to the rate-limited fake Discord on loopback (every answer held back
/// --latency-ms). Each DM is two requests (open the DM channel, post), so the floor is 2N / 50 s. Reports the last
/// DM against the floor, 429s, and duplicates (a DM channel with more than one message).
/// </summary>
internal static class ReminderFanout
{
    public static async Task<int> RunAsync(int members, int latencyMs, int concurrency, string workDirectory, TextWriter output)
    {
        await using var discord = await RateLimitedDiscord.StartAsync(TimeSpan.FromMilliseconds(latencyMs));
        var database = SqliteDatabase.ForFile(Path.Combine(workDirectory, "reminders.db"));
        await database.PrepareAsync();
        await new MigrationRunner(database, TimeProvider.System).MigrateAsync();

        // Day 1 today in UTC, and every member's reminder due now: what the minute's round finds.
        var now = TimeProvider.System.GetUtcNow();
        var cohort = new Cohort { Id = new CohortId("reminders"), CurriculumId = "2022", StartDate = DateOnly.FromDateTime(now.UtcDateTime), TimeZoneId = "UTC" };
        var store = new SqlReminderStore(database);
        for (var i = 0; i < members; i++)
        {
            await store.SetAsync(new Reminder(cohort.Id, $"discord:{1_100_000_000_000_000_000 + i}", TimeOnly.FromDateTime(now.UtcDateTime), null, "en", now));
        }

        using var http = new HttpClient();
        var policy = new DiscordRestPolicy();
        var options = Options.Create(new DiscordOptions { Token = "bench-token", ApplicationId = "1325000000000000000", ApiBaseUrl = discord.ApiBaseUrl });
        var client = new DiscordRestClient(http, new DiscordRateLimiter(policy, TimeProvider.System, NullLogger<DiscordRateLimiter>.Instance), policy, options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        var index = new CurriculumIndex([SampleCurriculum.Make("en", 6)]);
        var cohorts = new InMemoryCohortDirectory([cohort]);
        var defaults = new BotDefaults("2022", "en", "UTC");
        var delivery = new DailyPostService(cohorts, index, new SqlDeliveryLedger(database), [], new DailyPostComposer(index, defaults), new DeliveryOptions(), TimeProvider.System);
        var round = new ReminderRound(
            cohorts,
            new ParticipationService(new SqlParticipationStore(database), delivery, TimeProvider.System),
            store,
            new ReminderLedger(SqlDeliveryLedger.ForReminders(database)),
            [new DiscordDirectMessenger(client, options, new DirectMessagePace(policy, TimeProvider.System))],
            index,
            defaults,
            new ReminderOptions { Concurrency = concurrency },
            TimeProvider.System);

        var started = TimeProvider.System.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var result = await round.RunAsync();
        watch.Stop();
        var created = discord.CreatedAt();
        var last = created.Count == 0 ? TimeSpan.Zero : created[^1] - started;
        var floor = TimeSpan.FromSeconds(2.0 * members / 50);
        var again = await round.RunAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reminders: {members} members due at once, answers {latencyMs} ms late, {concurrency} in flight"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sent {result.Sent}, closed {result.Closed}, failed {result.Failed}; round {watch.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  last DM +{last.TotalSeconds:0.0} s, floor {floor.TotalSeconds:0} s at 50 requests/s with 2 per DM ({last / floor:0.00}x); paced at {50 * DirectMessagePace.Share:0}/s the floor is {floor.TotalSeconds / DirectMessagePace.Share:0} s ({last / (floor / DirectMessagePace.Share):0.00}x)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  requests {discord.Requests}, global 429s {discord.GlobalRefusals} ({100.0 * discord.GlobalRefusals / Math.Max(1, discord.Requests):0.0}%), route 429s {discord.RouteRefusals}"));
        var refusedAt = discord.GlobalRefusedAt();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  of the global 429s: {discord.DirectOpenRefusals} on opening a DM channel; {refusedAt.Count(at => at - started < TimeSpan.FromSeconds(2))} in the first 2 s, {refusedAt.Count(at => at - started < TimeSpan.FromSeconds(10))} in the first 10 s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  DM channels {discord.DirectChannels}, duplicates {discord.ChannelsWithMoreThanOneMessage()}, a second round right after: {again.Due} due"));
        return result.Sent == members && discord.ChannelsWithMoreThanOneMessage() == 0 ? 0 : 1;
    }
}
