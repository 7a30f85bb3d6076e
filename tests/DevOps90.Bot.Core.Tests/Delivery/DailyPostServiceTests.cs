using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Delivery;

public sealed class DailyPostServiceTests
{
    [Fact]
    public async Task DeliverDue_AtThePostTime_SendsOnceAndOnlyOnce()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");

        var first = await bot.Service.DeliverDueAsync(Id);
        var second = await bot.Service.DeliverDueAsync(Id);

        Assert.Equal(DeliveryStatus.Sent, first.Status);
        Assert.Equal(DeliveryStatus.AlreadySettled, second.Status);
        Assert.Equal(["Tomorrow — Day 3: DevOps Lifecycle"], bot.Titles);
        var post = Assert.Single(bot.Publisher.Posts);
        Assert.Equal(new DeliveryKey(Id, "day-3").IdempotencyKey, post.IdempotencyKey);
        Assert.Equal(("✅ Done — day 3", "done 3"), (post.Post.Buttons.Single().Label, post.Post.Buttons.Single().Command));
        Assert.True(post.IdempotencyKey.Length <= 25);
    }

    [Fact]
    public async Task DeliverDue_BeforeTheFirstPost_HasNothingDue()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2026-12-31T16:59:00Z");

        Assert.Equal(DeliveryStatus.NothingDue, (await bot.Service.DeliverDueAsync(Id)).Status);
        Assert.Empty(bot.Publisher.Posts);
    }

    [Theory]
    [InlineData("Europe/Paris", "2027-03-24", 17, "2027-03-28", 16)]
    [InlineData("Europe/Paris", "2027-10-27", 16, "2027-10-31", 17)]
    [InlineData("America/New_York", "2027-03-10", 23, "2027-03-14", 22)]
    [InlineData("America/New_York", "2027-11-03", 22, "2027-11-07", 23)]
    public async Task DeliverDue_EveryEveningAcrossADaylightSavingChange_KeepsTheLocalHourAndTheDayCount(string zone, string start, int utcHourBefore, string change, int utcHourAfter)
    {
        var startDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var changeDate = DateOnly.Parse(change, System.Globalization.CultureInfo.InvariantCulture);
        var bot = new DeliveryFixture(Cohort(start, zone), $"{startDate.AddDays(-2):yyyy-MM-dd}T00:00:00Z");
        var sentAt = new List<DateTimeOffset>();

        // A six-day course: the eve of the start and five evenings announce days 1 to 6, the sixth evening closes.
        for (var date = startDate.AddDays(-1); date <= startDate.AddDays(6); date = date.AddDays(1))
        {
            var hour = date < changeDate ? utcHourBefore : utcHourAfter;
            bot.Time.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero));
            if ((await bot.Service.DeliverDueAsync(Id)).Status == DeliveryStatus.Sent)
            {
                sentAt.Add(bot.Time.GetUtcNow());
            }
        }

        Assert.Equal(7, sentAt.Count);
        Assert.Equal(
            ["Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "That's all 6 days!"],
            bot.Titles.Select(title => title.StartsWith("Tomorrow", StringComparison.Ordinal) ? title[11..16] : title));
        Assert.All(sentAt, instant => Assert.Equal(18, TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour));
    }

    [Fact]
    public async Task DeliverDue_WeekdayCohort_FridayAnnouncesMondayAndTheWeekendIsQuiet()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-04", cadence: Cadence.Weekdays), "2027-01-08T17:00:00Z");

        var friday = await bot.DeliverAt("2027-01-08T17:00:00Z");
        var saturday = await bot.DeliverAt("2027-01-09T17:00:00Z");
        var sunday = await bot.DeliverAt("2027-01-10T17:00:00Z");

        Assert.Equal(DeliveryStatus.Sent, friday.Status);
        Assert.Equal(["Monday — Day 6: Résumé Writing for Engineers"], bot.Titles);
        Assert.Equal(DeliveryStatus.AlreadySettled, saturday.Status);
        Assert.Equal(DeliveryStatus.AlreadySettled, sunday.Status);
    }

    [Fact]
    public async Task DeliverDue_SkippedDateAhead_AnnouncesTheDayAfterIt()
    {
        var cohort = Cohort("2027-01-01") with { SkippedDates = [new DateOnly(2027, 1, 3)] };
        var bot = new DeliveryFixture(cohort, "2027-01-02T17:00:00Z");

        await bot.DeliverAt("2027-01-02T17:00:00Z");

        Assert.Equal(["Monday — Day 3: DevOps Lifecycle"], bot.Titles);
    }

    [Fact]
    public async Task Reconcile_AfterThreeDaysDown_SendsOnlyTheLatestMissedPost()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2026-12-31T17:00:00Z");
        await bot.DeliverAt("2026-12-31T17:00:00Z");

        // Down from 1 January 10:00 to 3 January 20:00: the posts of the 1st, 2nd and 3rd were never sent.
        bot.Time.SetUtcNow(At("2027-01-03T19:00:00Z"));
        var outcomes = await bot.Service.ReconcileAllAsync();

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(outcomes).Status);
        Assert.Equal(["Tomorrow — Day 1: Introduction", "Tomorrow — Day 4: Kubernetes Basics"], bot.Titles);
        Assert.Equal(DeliveryStatus.AlreadySettled, (await bot.Service.DeliverDueAsync(Id)).Status);
    }

    [Fact]
    public async Task Reconcile_PostOlderThanTheStalenessWindow_IsRecordedAsSkipped()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-03T10:00:00Z");

        var outcome = await bot.Service.DeliverDueAsync(Id);

        Assert.Equal(DeliveryStatus.SkippedAsStale, outcome.Status);
        Assert.Empty(bot.Publisher.Posts);
        var record = await bot.Ledger.FindAsync(new DeliveryKey(Id, "day-3"));
        Assert.Equal(DeliveryState.Skipped, record!.State);
        Assert.Contains("staleness window", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_CrashBetweenClaimAndSend_SendsOnceAfterTheLeaseWithTheSameKey()
    {
        var ledger = new InMemoryDeliveryLedger();
        var key = new DeliveryKey(Id, "day-3");
        ledger.Seed(new DeliveryRecord(key, DeliveryState.Claimed, At("2027-01-02T17:00:00Z"), At("2027-01-02T17:00:00Z"), 1));
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:01:00Z", ledger);

        var duringLease = await bot.Service.DeliverDueAsync(Id);
        var afterLease = await bot.DeliverAt("2027-01-02T17:03:00Z");
        var again = await bot.DeliverAt("2027-01-02T17:10:00Z");

        Assert.Equal(DeliveryStatus.Busy, duringLease.Status);
        Assert.Equal(DeliveryStatus.Sent, afterLease.Status);
        Assert.Equal(DeliveryStatus.AlreadySettled, again.Status);
        Assert.Equal(key.IdempotencyKey, Assert.Single(bot.Publisher.Posts).IdempotencyKey);
        Assert.Equal(2, (await ledger.FindAsync(key))!.Attempts);
    }

    [Fact]
    public async Task DeliverDue_PermanentFailure_IsRecordedAndNotRetried()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        bot.Publisher.FailNext(PublishResult.Permanent("Missing Access (channel 123)"));

        var outcome = await bot.Service.DeliverDueAsync(Id);
        var later = await bot.DeliverAt("2027-01-02T18:00:00Z");

        Assert.Equal((DeliveryStatus.Failed, "Missing Access (channel 123)"), (outcome.Status, outcome.Detail));
        Assert.Equal(DeliveryStatus.AlreadySettled, later.Status);
        Assert.Equal(1, bot.Publisher.Attempts);
        var record = (await bot.Ledger.RecentAsync(Id, 5)).Single();
        Assert.Equal((DeliveryState.Failed, true), (record.State, record.IsPermanent));
    }

    [Fact]
    public async Task DeliverDue_TransientFailure_RetriesWithBackoff()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        bot.Publisher.FailNext(PublishResult.Transient("503"), PublishResult.Transient("timeout"));

        var first = await bot.Service.DeliverDueAsync(Id);
        var tooSoon = await bot.DeliverAt("2027-01-02T17:00:20Z");
        var second = await bot.DeliverAt("2027-01-02T17:00:31Z");
        var third = await bot.DeliverAt("2027-01-02T17:01:32Z");

        Assert.Equal(
            [DeliveryStatus.WillRetry, DeliveryStatus.Busy, DeliveryStatus.WillRetry, DeliveryStatus.Sent],
            new[] { first.Status, tooSoon.Status, second.Status, third.Status });
        Assert.Single(bot.Publisher.Posts);
        Assert.Equal(3, (await bot.Ledger.FindAsync(new DeliveryKey(Id, "day-3")))!.Attempts);
    }

    [Fact]
    public async Task DeliverDue_TransientFailuresBeyondTheLimit_BecomePermanent()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        bot.Publisher.FailNext([.. Enumerable.Repeat(PublishResult.Transient("503"), 8)]);

        DeliveryOutcome outcome = new(DeliveryStatus.NothingDue);
        for (var minute = 0; minute < 120 && outcome.Status != DeliveryStatus.Failed; minute++)
        {
            bot.Time.SetUtcNow(At("2027-01-02T17:00:00Z").AddMinutes(minute));
            outcome = await bot.Service.DeliverDueAsync(Id);
        }

        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.StartsWith("gave up after 8 attempts", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(bot.Publisher.Posts);
    }

    [Fact]
    public async Task DeliverDue_PlatformWithoutPublisher_FailsWithAClearReason()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01") with { Target = new ChatTarget("slack", "C123") }, "2027-01-02T17:00:00Z");

        var outcome = await bot.Service.DeliverDueAsync(Id);

        Assert.Equal((DeliveryStatus.Failed, "no chat platform 'slack' is configured"), (outcome.Status, outcome.Detail));
    }

    [Fact]
    public async Task DeliverDue_AfterTheLastLesson_SendsOneClosingPostThenNothing()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-06T17:00:00Z");

        var closing = await bot.Service.DeliverDueAsync(Id);
        var nextDay = await bot.DeliverAt("2027-01-07T17:00:00Z");

        Assert.Equal(DeliveryStatus.Sent, closing.Status);
        Assert.Equal(new DeliveryKey(Id, "closing"), closing.Key);
        Assert.Equal(["That's all 6 days!"], bot.Titles);
        Assert.Equal(DeliveryStatus.AlreadySettled, nextDay.Status);
    }

    [Fact]
    public async Task DeliverDue_TwoInstancesAtOnce_PostOnce()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        var instances = Enumerable.Range(0, 4).Select(_ => bot.NewService()).ToList();

        var outcomes = await Task.WhenAll(instances.Select(instance => Task.Run(() => instance.DeliverDueAsync(Id))));

        Assert.Single(outcomes, outcome => outcome.Status == DeliveryStatus.Sent);
        Assert.Single(bot.Publisher.Posts);
    }

    [Fact]
    public async Task DeliverDue_PausedCohort_HasNothingDue()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01").PausedFrom(new DateOnly(2027, 1, 2)), "2027-01-02T17:00:00Z");

        Assert.Equal(DeliveryStatus.NothingDue, (await bot.Service.DeliverDueAsync(Id)).Status);
    }

    [Fact]
    public async Task DeliverDue_HostStopsWhileThePlatformAccepts_TheSentPostIsStillRecorded()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        using var stopping = new CancellationTokenSource();
        var service = new DailyPostService(
            bot.Cohorts, bot.Index, bot.Ledger, [new StopDuringPublish(bot.Publisher, stopping)],
            new DailyPostComposer(bot.Index, new Core.Commands.BotDefaults("2022", "en", "Europe/Paris")), new DeliveryOptions(), bot.Time);

        var outcome = await service.DeliverDueAsync(Id, stopping.Token);

        Assert.Equal(DeliveryStatus.Sent, outcome.Status);
        var record = await bot.Ledger.FindAsync(new DeliveryKey(Id, "day-3"));
        Assert.Equal(DeliveryState.Sent, record!.State);
        Assert.Equal(DeliveryStatus.AlreadySettled, (await bot.Service.DeliverDueAsync(Id)).Status);
        Assert.Single(bot.Publisher.Posts);
    }

    [Fact]
    public async Task DeliverDue_PlatformWithoutDeduplication_AnEarlierAttemptThatArrivedIsFoundNotPostedAgain()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        var platform = new NoDeduplication(lostAnswers: 1);
        var service = Service(bot, platform);

        var first = await service.DeliverDueAsync(Id);
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await service.DeliverDueAsync(Id);

        Assert.Equal((DeliveryStatus.WillRetry, DeliveryStatus.Sent), (first.Status, second.Status));
        Assert.Single(platform.Posts);
        Assert.Equal(1, platform.Lookups);
        var record = await bot.Ledger.FindAsync(new DeliveryKey(Id, "day-3"));
        Assert.Equal(platform.Posts.Single().Key, record!.MessageId);
        // Looked for from before the post time: a scheduler may fire early, and the platform's clock is not ours.
        Assert.Equal(record.ScheduledAt - DailyPostService.LookBackBeforeThePostTime, platform.Since);
    }

    [Fact]
    public async Task DeliverDue_PlatformWithoutDeduplication_NothingFound_PostsOnTheRetry()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        var platform = new NoDeduplication(lostAnswers: 0, failFirst: true);
        var service = Service(bot, platform);

        await service.DeliverDueAsync(Id);
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await service.DeliverDueAsync(Id);

        Assert.Equal(DeliveryStatus.Sent, second.Status);
        Assert.Single(platform.Posts);
        Assert.Equal(1, platform.Lookups);
    }

    [Fact]
    public async Task DeliverDue_PlatformThatDeduplicates_IsNotAskedToLookUp()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        var platform = new NoDeduplication(lostAnswers: 1) { Deduplicates = true };
        var service = Service(bot, platform);

        await service.DeliverDueAsync(Id);
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        await service.DeliverDueAsync(Id);

        Assert.Equal(0, platform.Lookups);
    }

    [Fact]
    public async Task DeliverDue_LookUpFails_DoesNotPostBlindAndRetriesLater()
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), "2027-01-02T17:00:00Z");
        var platform = new NoDeduplication(lostAnswers: 1) { LookupFails = true };
        var service = Service(bot, platform);

        await service.DeliverDueAsync(Id);
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        var second = await service.DeliverDueAsync(Id);

        Assert.Equal(DeliveryStatus.WillRetry, second.Status);
        Assert.Contains("could not check whether an earlier attempt arrived", second.Detail, StringComparison.Ordinal);
        Assert.Single(platform.Posts);
    }

    [Fact]
    public async Task DeliverDue_PublishOutlivesItsBound_IsRecordedAsTransient_NotTakenOverMeanwhile_RetriedUnderTheSameKey()
    {
        var platform = new SilentFirstTime();
        var bot = new DeliveryFixture([Cohort("2027-01-01")], "2027-01-02T17:00:00Z", platform: platform);
        var options = new DeliveryOptions();

        var sending = bot.Service.DeliverDueAsync(Id);
        await platform.FirstCall;
        bot.Time.Advance(options.PublishTimeout - TimeSpan.FromSeconds(1));
        var otherInstance = await bot.NewService().DeliverDueAsync(Id);
        var stillSending = sending.IsCompleted;
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await sending;
        var record = await bot.Ledger.FindAsync(new DeliveryKey(Id, "day-3"));
        var retry = await bot.DeliverAt("2027-01-02T17:01:31Z");

        Assert.Equal(DeliveryStatus.Busy, otherInstance.Status);
        Assert.False(stillSending);
        Assert.Equal(DeliveryStatus.WillRetry, outcome.Status);
        Assert.Contains("no answer within 60 s", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal((DeliveryState.Failed, false), (record!.State, record.IsPermanent));
        Assert.True(record.UpdatedAt < record.ScheduledAt + options.ClaimLease, "the attempt ended after its lease");
        Assert.Equal(DeliveryStatus.Sent, retry.Status);
        Assert.Equal(2, platform.Keys.Count);
        Assert.Single(platform.Keys.Distinct());
    }

    private static DailyPostService Service(DeliveryFixture bot, IChatPublisher platform) => new(
        bot.Cohorts, bot.Index, bot.Ledger, [platform],
        new DailyPostComposer(bot.Index, new Core.Commands.BotDefaults("2022", "en", "Europe/Paris")), new DeliveryOptions(), bot.Time);

    /// <summary>A platform with no idempotency key (Slack's chat.postMessage): posts are found again by their key.</summary>
    private sealed class NoDeduplication(int lostAnswers, bool failFirst = false) : IChatPublisher
    {
        private int _lost = lostAnswers;
        private bool _fail = failFirst;

        public Dictionary<string, string> Posts { get; } = [];

        public int Lookups { get; private set; }

        public bool Deduplicates { get; init; }

        public bool LookupFails { get; init; }

        public string Platform => "console";

        public bool DeduplicatesResends => Deduplicates;

        public DateTimeOffset? Since { get; private set; }

        public Task<string?> FindPublishedAsync(ChatTarget target, string idempotencyKey, DateTimeOffset since, CancellationToken cancellationToken = default)
        {
            Lookups++;
            Since = since;
            if (LookupFails)
            {
                return Task.FromException<string?>(new HttpRequestException("history unavailable (test)"));
            }

            return Task.FromResult<string?>(Posts.FirstOrDefault(post => post.Value == idempotencyKey).Key);
        }

        public Task<PublishResult> PublishAsync(ChatTarget target, Core.Replies.Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
        {
            if (_fail)
            {
                _fail = false;
                return Task.FromResult(PublishResult.Transient("503 (test)"));
            }

            var id = $"m{Posts.Count + 1}";
            Posts[id] = idempotencyKey;
            return Task.FromResult(_lost-- > 0 ? PublishResult.Transient("timeout after the message was created (test)") : PublishResult.Sent(id));
        }
    }

    /// <summary>A platform that never answers the first post (and does not watch its token), then answers at once.</summary>
    private sealed class SilentFirstTime : IChatPublisher
    {
        private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Platform => "console";

        public Task FirstCall => _firstCall.Task;

        public System.Collections.Concurrent.ConcurrentQueue<string> Keys { get; } = new();

        public Task<PublishResult> PublishAsync(ChatTarget target, Core.Replies.Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
        {
            Keys.Enqueue(idempotencyKey);
            if (_firstCall.TrySetResult())
            {
                return new TaskCompletionSource<PublishResult>().Task;
            }

            return Task.FromResult(PublishResult.Sent("m1"));
        }
    }

    /// <summary>The platform takes the post, and meanwhile the host is told to stop (a failed start, a shutdown).</summary>
    private sealed class StopDuringPublish(RecordingPublisher inner, CancellationTokenSource stopping) : IChatPublisher
    {
        public string Platform => inner.Platform;

        public async Task<PublishResult> PublishAsync(ChatTarget target, Core.Replies.Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
        {
            var result = await inner.PublishAsync(target, post, idempotencyKey, mentionRoleId, cancellationToken);
            await stopping.CancelAsync();
            return result;
        }

        public Task<PublishResult> EditAsync(ChatTarget target, string messageId, Core.Replies.Reply post, CancellationToken cancellationToken = default) =>
            inner.EditAsync(target, messageId, post, cancellationToken);
    }
}
