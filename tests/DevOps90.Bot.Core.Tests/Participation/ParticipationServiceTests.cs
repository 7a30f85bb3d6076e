using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Participation;

public sealed class ParticipationServiceTests
{
    private static (DeliveryFixture Bot, ParticipationService Service, Cohort Cohort) Make(string now, Cadence? cadence = null, string start = "2027-01-04")
    {
        var cohort = Cohort(start, cadence: cadence);
        var bot = new DeliveryFixture(cohort, now);
        return (bot, new ParticipationService(new InMemoryParticipationStore(), bot.Service, bot.Time), cohort);
    }

    [Fact]
    public async Task CheckIn_Today_IsAddedOnceAndARepeatSaysSo()
    {
        var (_, service, cohort) = Make("2027-01-05T19:00:00Z");

        var first = await service.CheckInAsync(cohort, "ada", null);
        var again = await service.CheckInAsync(cohort, "ada", 2);

        Assert.Equal(new CheckInOutcome(CheckInStatus.Added, 2, false, 1) { DaysDone = 1 }, first);
        Assert.Equal(CheckInStatus.AlreadyDone, again.Status);
    }

    [Fact]
    public async Task CheckIn_FutureDay_IsRefused_PastDay_IsLate()
    {
        var (_, service, cohort) = Make("2027-01-06T12:00:00Z");

        Assert.Equal(CheckInStatus.FutureDay, (await service.CheckInAsync(cohort, "ada", 4)).Status);
        var late = await service.CheckInAsync(cohort, "ada", 1);
        Assert.Equal((CheckInStatus.Added, true), (late.Status, late.IsLate));
    }

    [Fact]
    public async Task CheckIn_BeforeTheStart_SaysNotStarted()
    {
        var (_, service, cohort) = Make("2027-01-01T12:00:00Z");

        Assert.Equal(CheckInStatus.NotStarted, (await service.CheckInAsync(cohort, "ada", null)).Status);
    }

    [Fact]
    public async Task CheckIn_AfterMidnightBeforeTheGraceCutoff_CountsForTheEveningBefore()
    {
        // 01:30 in Paris on 6 January: still day 2's evening.
        var (_, service, cohort) = Make("2027-01-06T00:30:00Z");

        var outcome = await service.CheckInAsync(cohort, "ada", null);

        Assert.Equal((CheckInStatus.Added, 2, false), (outcome.Status, outcome.Day, outcome.IsLate));
    }

    [Fact]
    public async Task Streak_WeekdayCohort_WeekendDoesNotBreakIt()
    {
        // Weekdays from Monday 4 January: Friday is day 5, Monday 11th day 6.
        var (bot, service, cohort) = Make("2027-01-04T19:00:00Z", Cadence.Weekdays);
        for (var day = 4; day <= 8; day++)
        {
            bot.Time.SetUtcNow(new DateTimeOffset(2027, 1, day, 19, 0, 0, TimeSpan.Zero));
            await service.CheckInAsync(cohort, "ada", null);
        }

        bot.Time.SetUtcNow(new DateTimeOffset(2027, 1, 11, 19, 0, 0, TimeSpan.Zero));
        var monday = await service.CheckInAsync(cohort, "ada", null);

        Assert.Equal((6, 6), (monday.Day, monday.Streak));
    }

    [Fact]
    public async Task Progress_MissedDay_BreaksTheCurrentStreakButKeepsTheLongest()
    {
        var (bot, service, cohort) = Make("2027-01-04T19:00:00Z");
        foreach (var day in new[] { 1, 2, 3, 5, 6 })
        {
            bot.Time.SetUtcNow(new DateTimeOffset(2027, 1, 3 + day, 19, 0, 0, TimeSpan.Zero));
            await service.CheckInAsync(cohort, "ada", null);
        }

        await service.CheckInAsync(cohort, "grace", 6);
        var progress = await service.ProgressAsync(cohort, "ada");

        Assert.Equal((5, 6, 2, 3, 1, 1, 2), (progress.DaysDone, progress.CurrentDay, progress.CurrentStreak, progress.LongestStreak, progress.DaysMissed, progress.Rank, progress.Members));
    }

    [Fact]
    public async Task Progress_TodayNotYetDone_KeepsYesterdaysStreak()
    {
        var (bot, service, cohort) = Make("2027-01-04T19:00:00Z");
        await service.CheckInAsync(cohort, "ada", null);
        bot.Time.SetUtcNow(DateTimeOffset.Parse("2027-01-05T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var progress = await service.ProgressAsync(cohort, "ada");

        Assert.Equal((2, 1, 0), (progress.CurrentDay, progress.CurrentStreak, progress.DaysMissed));
    }

    [Fact]
    public async Task Undo_RemovesTheDay()
    {
        var (_, service, cohort) = Make("2027-01-05T19:00:00Z");
        await service.CheckInAsync(cohort, "ada", null);

        var undone = await service.UndoAsync(cohort, "ada", null);
        var again = await service.UndoAsync(cohort, "ada", null);

        Assert.Equal((CheckInStatus.Removed, 0), (undone.Status, undone.Streak));
        Assert.Equal(CheckInStatus.NotDone, again.Status);
    }

    [Fact]
    public async Task Leaderboard_RanksByDaysThenStreakThenWhoGotThereFirst()
    {
        var (bot, service, cohort) = Make("2027-01-06T19:00:00Z");
        await service.CheckInAsync(cohort, "late-starter", 1);
        await service.CheckInAsync(cohort, "late-starter", 3);
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await service.CheckInAsync(cohort, "steady", 2);
        await service.CheckInAsync(cohort, "steady", 3);
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await service.CheckInAsync(cohort, "slowpoke", 2);
        await service.CheckInAsync(cohort, "slowpoke", 3);
        await service.CheckInAsync(cohort, "once", 3);

        var board = await service.LeaderboardAsync(cohort, LeaderboardPeriod.All);

        Assert.Equal(["steady", "slowpoke", "late-starter", "once"], board.Select(line => line.MemberId));
        Assert.Equal([1, 2, 3, 4], board.Select(line => line.Rank));
    }

    [Fact]
    public async Task Leaderboard_Week_CountsOnlyCheckInsSinceMondayInTheCohortsZone()
    {
        // Sunday 3 January is day 1; the week of Monday 4 January starts with day 2.
        var (bot, service, cohort) = Make("2027-01-03T19:00:00Z", start: "2027-01-03");
        await service.CheckInAsync(cohort, "old", 1);
        bot.Time.SetUtcNow(DateTimeOffset.Parse("2027-01-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await service.CheckInAsync(cohort, "new", 2);

        var week = await service.LeaderboardAsync(cohort, LeaderboardPeriod.Week);
        var all = await service.LeaderboardAsync(cohort, LeaderboardPeriod.All);

        Assert.Equal(["new"], week.Select(line => line.MemberId));
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public async Task Forget_RemovesTheMembersCheckIns()
    {
        var (_, service, cohort) = Make("2027-01-05T19:00:00Z");
        await service.CheckInAsync(cohort, "ada", null);

        Assert.Equal(1, await service.ForgetAsync("ada"));
        Assert.Equal(0, (await service.ProgressAsync(cohort, "ada")).DaysDone);
    }
}
