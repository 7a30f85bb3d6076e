using System.Globalization;
using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Tests.LocalConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static DevOps90.Bot.Tests.Scheduling.SchedulingHost;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>
/// How daily posts leave the real host (real Quartz, the fake clock Quartz follows too): handed to the delivery
/// dispatcher, sent side by side, fired even when late, finished when the host stops.
/// </summary>
public sealed class FanOutTests
{
    // 18:00 in Paris on day 7 of a group that starts on 2027-01-01 is 17:00 UTC: its post announces day 8.
    private static readonly DateTimeOffset _beforeThePost = DateTimeOffset.Parse("2027-01-07T16:59:50Z", CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset _afterThePost = DateTimeOffset.Parse("2027-01-07T17:05:00Z", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Run_TriggerMissedByMoreThanTheMisfireThreshold_StillPostsEachCohortOnce(int others)
    {
        var output = new SynchronizedStringWriter();
        var clock = new FakeTimeProvider(_beforeThePost);
        // No reconciliation round before tomorrow: only the post slot's trigger can send these posts.
        await using var host = new TestHost(["--Scheduling:ReconcileInterval=1.00:00:00", .. ConsoleCohorts(others)], Console(output, clock));

        await host.App.StartAsync();
        await WaitUntilRunningAsync(host.Services);
        // Quartz sees the 18:00 fire ten minutes late, far past its 60-second misfire threshold; then time goes on, so
        // that its misfire handler, which looks every so often, comes round.
        clock.Advance(TimeSpan.FromMinutes(10));
        var sent = await WaitForAsync(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            return await SentAsync(host.Services, "day-8");
        });
        var all = await Task.WhenAll(CohortIds(others).Select(id => WaitForSentAsync(host.Services, id)));
        await host.App.StopAsync();

        Assert.NotNull(sent);
        Assert.All(all, Assert.NotNull);
        var text = output.ToString();
        Assert.Equal(others + 1, (text.Length - text.Replace("Demain — Jour 8", "", StringComparison.Ordinal).Length) / "Demain — Jour 8".Length);
    }

    [Fact]
    public async Task Run_ManyCohortsDueAtOnePostTime_AreSentSideBySide_EachOnce()
    {
        const int Cohorts = 12;
        var platform = new GatedPublisher();
        var clock = new FakeTimeProvider(_beforeThePost);
        await using var host = new TestHost(["--Scheduling:ReconcileInterval=1.00:00:00", .. ConsoleCohorts(Cohorts)], Gated(platform, clock));

        await host.App.StartAsync();
        await WaitUntilRunningAsync(host.Services);
        clock.Advance(TimeSpan.FromSeconds(15));
        // One fire hands every cohort of the slot over, and all of them are at the platform at once.
        await platform.WaitUntilHeldAsync(Cohorts + 1);
        platform.Open();
        var sent = await Task.WhenAll(CohortIds(Cohorts).Select(id => WaitForSentAsync(host.Services, id)));
        await host.App.StopAsync();

        Assert.All(sent, Assert.NotNull);
        Assert.Equal(Cohorts + 1, platform.Posts.Select(post => post.IdempotencyKey).Distinct().Count());
        Assert.Equal(Cohorts + 1, platform.Posts.Count);
    }

    [Fact]
    public async Task Start_ManyCohortsMissedTheirPost_ReconciliationSendsThemSideBySide_EachOnce()
    {
        const int Cohorts = 12;
        var platform = new GatedPublisher();
        await using var host = new TestHost(ConsoleCohorts(Cohorts), Gated(platform, new FakeTimeProvider(_afterThePost)));

        await host.App.StartAsync();
        // Every missed post is being sent at once: the round does not wait for one before it starts the next.
        await platform.WaitUntilHeldAsync(Cohorts + 1);
        platform.Open();
        var sent = await Task.WhenAll(CohortIds(Cohorts).Select(id => WaitForSentAsync(host.Services, id)));
        await host.App.StopAsync();

        Assert.All(sent, Assert.NotNull);
        var keys = platform.Posts.Select(post => post.IdempotencyKey).ToList();
        Assert.Equal(Cohorts + 1, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task Stop_WhileAPostIsBeingSent_WaitsForIt_AndRecordsItSent()
    {
        var platform = new GatedPublisher();
        await using var host = new TestHost([], Gated(platform, new FakeTimeProvider(_afterThePost)));
        await host.App.StartAsync();
        await platform.WaitUntilHeldAsync(1);

        var stopping = host.App.StopAsync();
        await WaitForAsync(() => Task.FromResult<object?>(host.Services.GetRequiredService<InFlightWork>().Stopping.IsCancellationRequested ? true : null));
        var stoppedWhileSending = stopping.IsCompleted;
        platform.Open();
        await stopping;
        var record = await host.Services.GetRequiredService<IDeliveryLedger>().FindAsync(new DeliveryKey(new CohortId("console"), "day-8"));

        Assert.False(stoppedWhileSending);
        Assert.Single(platform.Posts);
        Assert.Equal(DeliveryState.Sent, record!.State);
    }

    private static IEnumerable<string> CohortIds(int count) => ["console", .. Enumerable.Range(1, count).Select(number => $"group-{number}")];

    private static Task<DeliveryRecord?> WaitForSentAsync(IServiceProvider services, string cohort) =>
        WaitForAsync(() => SentAsync(services, "day-8", cohort));
}
