using System.Collections.Concurrent;
using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DevOps90.Bot.Tests.Scheduling.SchedulingHost;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>
/// One Quartz trigger per post slot (time of day and time zone), not per cohort, in the real host on a fake clock:
/// cohorts at one time share it, a moved cohort moves between slots, a start compares instead of rewriting, and two
/// instances on one PostgreSQL database both send the posts of a slot that fired on one of them, each post once.
/// </summary>
public sealed class PostSlotScheduleTests
{
    // 18:00 in Paris on day 7 of groups that start on 2027-01-01 is 17:00 UTC: its post announces day 8.
    private static readonly DateTimeOffset _beforeThePost = DateTimeOffset.Parse("2027-01-07T16:59:50Z", CultureInfo.InvariantCulture);
    private static readonly string[] _threeGroups = ["console", "group-1", "group-2"];
    private static readonly string[] _scheduleWrites =
        ["ScheduleJob", "ScheduleJobs", "AddJob", "DeleteJob", "DeleteJobs", "UnscheduleJob", "UnscheduleJobs", "RescheduleJob"];

    [Fact]
    public async Task Start_ManyCohortsAtOnePostTime_ShareOneTrigger()
    {
        string[] cohorts = [.. ConsoleCohorts(20), .. ConsoleCohorts(3, "18:00", "America/New_York", first: 21)];
        await using var host = new TestHost(cohorts, Console(TextWriter.Null, new FakeTimeProvider(_beforeThePost)));

        await host.App.StartAsync();
        var triggers = await TriggerNamesAsync(host.Services);
        await host.App.StopAsync();

        Assert.Equal(["18:00:00 America/New_York", "18:00:00 Europe/Paris"], triggers);
    }

    [Fact]
    public async Task Save_CohortsMovedToAnotherTime_MoveBetweenTriggers_AndPostAtTheNewTime()
    {
        var clock = new FakeTimeProvider(_beforeThePost);
        await using var host = new TestHost(ConsoleCohorts(2), Console(TextWriter.Null, clock));
        await host.App.StartAsync();
        await WaitUntilRunningAsync(host.Services);
        var registry = host.Services.GetRequiredService<CohortRegistry>();

        await MoveAsync(registry, "group-1");
        var split = await WaitForTriggersAsync(host.Services, "18:00:00 Europe/Paris", "19:00:00 Europe/Paris");
        await MoveAsync(registry, "console");
        await MoveAsync(registry, "group-2");
        var moved = await WaitForTriggersAsync(host.Services, "19:00:00 Europe/Paris");
        // Past 18:00, when nothing may post, to 19:00 Paris time.
        clock.Advance(TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromSeconds(15));
        var sent = await Task.WhenAll(_threeGroups.Select(id => WaitForAsync(() => SentAsync(host.Services, "day-8", id))));
        await host.App.StopAsync();

        Assert.NotNull(split);
        Assert.NotNull(moved);
        Assert.All(sent, record => Assert.Equal(DateTimeOffset.Parse("2027-01-07T18:00:00Z", CultureInfo.InvariantCulture), record!.ScheduledAt));
    }

    [Fact]
    public async Task Restart_NothingChanged_WritesNoScheduleAndReadsNoTriggerPerCohort()
    {
        using var data = new TempFolder();
        var clock = new FakeTimeProvider(_beforeThePost);
        string[] settings = [.. TestHost.Settings(data.Path), .. ConsoleCohorts(20)];
        await using (var first = BotHost.Build(settings, Console(TextWriter.Null, clock)))
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        var calls = new ConcurrentQueue<string>();
        await using var second = BotHost.Build(settings, services =>
        {
            Console(TextWriter.Null, clock)(services);
            CountingSchedulerFactory.Install(services, calls);
        });
        await second.StartAsync();
        var atStart = calls.ToList();
        var triggers = await TriggerNamesAsync(second.Services);
        await second.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.DoesNotContain(atStart, _scheduleWrites.Contains);
        // One read of the slots' keys (and one of earlier versions' jobs), not one of each cohort's trigger: Quartz
        // 4.7 answers GetTriggerKeys and GetJobKeys with QueryTriggers and QueryJobs.
        Assert.DoesNotContain("GetTrigger", atStart);
        Assert.InRange(atStart.Count(call => call.StartsWith("Query", StringComparison.Ordinal) || call.StartsWith("Get", StringComparison.Ordinal)), 1, 2);
        Assert.Equal(["18:00:00 Europe/Paris"], triggers);
    }

    [SkippableFact]
    public async Task Run_TwoHostsOnOnePostgresDatabase_BothSendTheSlotsPosts_EachOnce()
    {
        var skip = await TestPostgres.SkipReasonAsync();
        Skip.If(skip is not null, skip);
        const int Cohorts = 10;
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var data = new TempFolder();
        var clock = new FakeTimeProvider(_beforeThePost.AddMinutes(-5));
        // Two senders each: the instance whose trigger fires holds two posts at its gate and cannot take them all.
        string[] settings =
        [
            .. TestHost.Settings(data.Path), .. QuartzStoreTests.Settings(database), .. ConsoleCohorts(Cohorts),
            "--Scheduling:ReconcileInterval=1.00:00:00", "--Scheduling:MaxConcurrentSends=2",
        ];
        GatedPublisher[] platforms = [new(), new()];
        await using var one = BotHost.Build(settings, Gated(platforms[0], clock));
        await using var two = BotHost.Build(settings, Gated(platforms[1], clock));

        await QuartzStoreTests.StartOnFakeClockAsync(clock, one, two);
        clock.SetUtcNow(_beforeThePost);
        clock.Advance(TimeSpan.FromSeconds(15));
        // The slot's one trigger fired on one of them; the other heard of it and sends beside it.
        await Task.WhenAll(platforms.Select(platform => platform.WaitUntilHeldAsync(2)));
        Array.ForEach(platforms, platform => platform.Open());
        string[] ids = ["console", .. Enumerable.Range(1, Cohorts).Select(number => $"group-{number}")];
        var sent = await Task.WhenAll(ids.Select(id => WaitForAsync(() => SentAsync(one.Services, "day-8", id))));
        await Task.WhenAll(one.StopAsync(), two.StopAsync());

        Assert.All(sent, Assert.NotNull);
        var keys = platforms.SelectMany(platform => platform.Posts).Select(post => post.IdempotencyKey).ToList();
        Assert.Equal(Cohorts + 1, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    private static Task MoveAsync(CohortRegistry registry, string id) =>
        registry.SaveAsync(registry.Find(new CohortId(id))! with { PostTime = new TimeOnly(19, 0) });

    private static Task<object?> WaitForTriggersAsync(IServiceProvider services, params string[] names) =>
        WaitForAsync(async () => (await TriggerNamesAsync(services)).SequenceEqual(names) ? (object?)true : null);
}
