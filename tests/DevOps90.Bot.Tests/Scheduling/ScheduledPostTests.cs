using System.Globalization;
using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Scheduling;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Postgres;
using DevOps90.Bot.Tests.LocalConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using static DevOps90.Bot.Tests.Scheduling.SchedulingHost;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>
/// The real host, real Quartz and the console publisher, on a fake clock that Quartz follows too: the test moves the
/// clock past the post time and waits for the post to appear.
/// </summary>
public sealed class ScheduledPostTests
{
    // Ten seconds before 18:00 in Paris on day 7 of a group that starts on 2027-01-01: the 18:00 post announces day 8.
    private static readonly DateTimeOffset _beforeThePost = DateTimeOffset.Parse("2027-01-07T16:59:50Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Run_ClockReachesThePostTime_ThePostAppearsOnTheConsoleOnce()
    {
        var output = new SynchronizedStringWriter();
        var clock = new FakeTimeProvider(_beforeThePost);
        await using var host = new TestHost(["--Cohorts:0:MentionRole=devops-learners"], Console(output, clock));

        await host.App.StartAsync();
        await WaitUntilRunningAsync(host.Services);
        clock.Advance(TimeSpan.FromSeconds(15));
        var text = await output.WaitForAsync("Demain — Jour 8", TimeSpan.FromSeconds(30));
        var record = await WaitForAsync(() => SentAsync(host.Services, "day-8"));
        await host.App.StopAsync();

        Assert.Contains("@devops-learners", text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(output.ToString(), "Demain — Jour 8"));
        Assert.Equal(DeliveryState.Sent, record!.State);
        Assert.StartsWith("console-", record.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CohortWithALeaderboardMessage_PostsItAfterTheDailyPost_AndRemembersIt()
    {
        var output = new SynchronizedStringWriter();
        var clock = new FakeTimeProvider(_beforeThePost);
        await using var host = new TestHost(["--Cohorts:0:LeaderboardMessage=true"], Console(output, clock));

        await host.App.StartAsync();
        await WaitUntilRunningAsync(host.Services);
        clock.Advance(TimeSpan.FromSeconds(15));
        var text = await output.WaitForAsync("Classement — depuis le début", TimeSpan.FromSeconds(30));
        var stored = await WaitForAsync(() => host.Services.GetRequiredService<Core.Participation.ILeaderboardMessageStore>().FindAsync(new CohortId("console")));
        await host.App.StopAsync();

        Assert.True(text.IndexOf("Demain — Jour 8", StringComparison.Ordinal) < text.IndexOf("Classement — depuis le début", StringComparison.Ordinal));
        Assert.Contains("validez vos jours avec /done", text, StringComparison.Ordinal);
        Assert.Equal(ChatTarget.Console, stored!.Target);
        Assert.StartsWith("console-", stored.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_ChangedPostTimeAtRunTime_ReschedulesAtOnce()
    {
        var output = new SynchronizedStringWriter();
        var clock = new FakeTimeProvider(_beforeThePost);
        await using var host = new TestHost(["--Cohorts:0:PostTime=21:00"], Console(output, clock));
        await host.App.StartAsync();
        await WaitUntilRunningAsync(host.Services);
        var registry = host.Services.GetRequiredService<CohortRegistry>();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var id = new CohortId("console");
        var evening = CohortSchedules.TriggerKeyOf(new PostSlot("Europe/Paris", new TimeOnly(21, 0)));
        var earlier = CohortSchedules.TriggerKeyOf(new PostSlot("Europe/Paris", new TimeOnly(18, 0)));
        var before = (ICronTrigger?)await scheduler.GetTrigger(evening);

        await registry.SaveAsync(registry.Find(id)! with { PostTime = new TimeOnly(18, 0) });
        var rescheduled = await WaitForAsync(async () => await scheduler.GetTrigger(earlier) is ICronTrigger { CronExpressionString: "0 0 18 * * ?" } trigger ? trigger : null);
        var eveningGone = await WaitForTriggerAsync(scheduler, evening, present: false);
        clock.Advance(TimeSpan.FromSeconds(15));
        var text = await output.WaitForAsync("Demain — Jour 8", TimeSpan.FromSeconds(30));

        await registry.SaveAsync(registry.Find(id)!.PausedFrom(new DateOnly(2027, 1, 8)));
        var paused = await WaitForTriggerAsync(scheduler, earlier, present: false);
        await host.App.StopAsync();

        Assert.Equal("0 0 21 * * ?", before!.CronExpressionString);
        Assert.NotNull(rescheduled);
        Assert.True(eveningGone, "the 21:00 trigger of no cohort was left");
        Assert.Contains("Demain — Jour 8", text, StringComparison.Ordinal);
        Assert.True(paused, "pausing did not remove the trigger");
    }

    [Fact]
    public async Task Restart_TheScheduleIsKeptInTheDatabase()
    {
        using var data = new TempFolder();
        string[] settings = [.. TestHost.Settings(data.Path), "--Cohorts:0:PostTime=23:59:00"];
        await using (var first = BotHost.Build(settings, Console(TextWriter.Null, new FakeTimeProvider(_beforeThePost))))
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data.Path, "devops90-bot.db")}");
        var cron = await connection.QuerySingleOrDefaultAsync<string>("SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = '23:59:00 Europe/Paris'");
        var zone = await connection.QuerySingleOrDefaultAsync<string>("SELECT TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = '23:59:00 Europe/Paris'");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal("0 59 23 * * ?", cron);
        Assert.Equal("Europe/Paris", zone);
    }

    [SkippableFact]
    public async Task Run_TwoHostsStartingTogetherOnOnePostgresDatabase_MigrateOnceAndPostOnce()
    {
        var skip = await TestPostgres.SkipReasonAsync();
        Skip.If(skip is not null, skip);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var data = new TempFolder();
        var clock = new FakeTimeProvider(_beforeThePost.AddMinutes(-5));
        string[] settings = [.. TestHost.Settings(data.Path), .. QuartzStoreTests.Settings(database)];
        var first = new SynchronizedStringWriter();
        var second = new SynchronizedStringWriter();
        await using var one = BotHost.Build(settings, Console(first, clock));
        await using var two = BotHost.Build(settings, Console(second, clock));

        await QuartzStoreTests.StartOnFakeClockAsync(clock, one, two);
        clock.SetUtcNow(_beforeThePost);
        clock.Advance(TimeSpan.FromSeconds(15));
        var sent = await WaitForAsync(() => SentAsync(one.Services, "day-8"));
        var instances = await QuartzStoreTests.SchedulerInstancesAsync(database);
        await Task.WhenAll(one.StopAsync(), two.StopAsync());

        Assert.NotNull(sent);
        Assert.Equal(1, CountOf(first.ToString() + second.ToString(), "Demain — Jour 8"));
        Assert.Equal(2, instances);
        Assert.Equal(MigrationRunner.For("postgres").Count, await QuartzStoreTests.MigrationsAppliedAsync(database));
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static async Task<bool> WaitForTriggerAsync(IScheduler scheduler, TriggerKey key, bool present)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await scheduler.GetTrigger(key) is not null) == present)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
