using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Core.Tests.Coaching;

/// <summary>The thread each daily post opens, on the fake clock: once per post whatever restarts or instances.</summary>
public sealed class DiscussionThreadTests
{
    private static readonly DeliveryKey DayOne = new(CoachingFixture.Id, "day-1");

    [Fact]
    public async Task DailyPost_WithThreads_OpensOneThreadNamedAfterTheLesson_AndRecordsIt()
    {
        var fixture = new CoachingFixture("2027-01-03T17:00:30Z");

        var sent = await fixture.Delivery.DeliverDueAsync(CoachingFixture.Id);
        var again = await fixture.Delivery.DeliverDueAsync(CoachingFixture.Id);

        Assert.Equal((DeliveryStatus.Sent, DeliveryStatus.AlreadySettled), (sent.Status, again.Status));
        var thread = Assert.Single(fixture.Publisher.Threads);
        Assert.Equal(("message-1", $"Day 1 — {fixture.Index.FindLesson("2022", "en", 1).Lesson!.Title}"), thread);
        Assert.Equal("thread-of-message-1", (await fixture.Ledger.FindAsync(DayOne))!.ThreadId);
    }

    [Fact]
    public async Task DailyPost_ThreadFailingForNow_IsOpenedAfterARestart_OnceWhateverTheInstances()
    {
        var fixture = new CoachingFixture("2027-01-03T17:00:30Z");
        fixture.Publisher.ThreadAnswers.Enqueue(PublishResult.Transient("Discord 503"));

        await fixture.Delivery.DeliverDueAsync(CoachingFixture.Id);
        var afterFailure = (await fixture.Ledger.FindAsync(DayOne))!.ThreadId;
        fixture.At("2027-01-03T17:05:00Z");
        // A restart, then a second instance: each reconciles the same ledger with a service of its own.
        await NewInstance(fixture).DeliverDueAsync(CoachingFixture.Id);
        await NewInstance(fixture).DeliverDueAsync(CoachingFixture.Id);

        Assert.Null(afterFailure);
        Assert.Single(fixture.Publisher.Posts);
        Assert.Single(fixture.Publisher.Threads);
        Assert.Equal("thread-of-message-1", (await fixture.Ledger.FindAsync(DayOne))!.ThreadId);
    }

    [Fact]
    public async Task DailyPost_ThreadRefusedForGood_IsRecordedAsNone_NotTriedAgain_AndShownInStatus()
    {
        var fixture = new CoachingFixture("2027-01-03T17:00:30Z");
        fixture.Publisher.ThreadAnswers.Enqueue(PublishResult.Permanent("Discord 403 (50013): Missing Permissions"));
        fixture.Publisher.ThreadAnswers.Enqueue(PublishResult.Permanent("asked again"));

        await fixture.Delivery.DeliverDueAsync(CoachingFixture.Id);
        await NewInstance(fixture).DeliverDueAsync(CoachingFixture.Id);
        var status = await fixture.AskAsync("status");

        Assert.Equal(DailyPostService.NoThread, (await fixture.Ledger.FindAsync(DayOne))!.ThreadId);
        Assert.Single(fixture.Publisher.ThreadAnswers);
        Assert.Contains("no thread (the bot may not open threads here)", string.Join("\n", status.Fields[0].Value.Lines.Select(line => line.PlainText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyPost_ThreadsOff_OpensNone()
    {
        var fixture = new CoachingFixture("2027-01-03T17:00:30Z", cohort => cohort with { Threads = false });

        await fixture.Delivery.DeliverDueAsync(CoachingFixture.Id);

        Assert.Single(fixture.Publisher.Posts);
        Assert.Empty(fixture.Publisher.Threads);
        Assert.Null((await fixture.Ledger.FindAsync(DayOne))!.ThreadId);
    }

    [Fact]
    public async Task DailyPost_ThreadsTurnedOnAfterAnOldPost_OpensNoneForIt()
    {
        var fixture = new CoachingFixture("2027-01-03T17:00:30Z", cohort => cohort with { Threads = false });
        await fixture.Delivery.DeliverDueAsync(CoachingFixture.Id);
        fixture.Cohorts.Upsert(fixture.Cohort with { Threads = true });

        // The same post, found by reconciliation past the staleness window: too old to open a thread on.
        fixture.At("2027-01-04T16:00:00Z");
        await fixture.Delivery.DeliverDueAsync(CoachingFixture.Id);

        Assert.Empty(fixture.Publisher.Threads);
    }

    private static DailyPostService NewInstance(CoachingFixture fixture) => new(
        fixture.Cohorts,
        fixture.Index,
        fixture.Ledger,
        [fixture.Publisher],
        new Core.Posts.DailyPostComposer(fixture.Index, new Core.Commands.BotDefaults("2022", "en", "Europe/Paris")),
        new DeliveryOptions(),
        fixture.Time);
}
