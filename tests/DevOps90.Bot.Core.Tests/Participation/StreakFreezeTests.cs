using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Core.Tests.Participation;

public sealed class StreakFreezeTests
{
    private static readonly StreakRules Default = new(7, 2);

    private static HashSet<int> Days(params IEnumerable<int>[] ranges) => [.. ranges.SelectMany(range => range)];

    private static IEnumerable<int> Range(int first, int last) => Enumerable.Range(first, last - first + 1);

    [Fact]
    public void Walk_MissedDayAfterSevenDone_UsesAFreezeAndKeepsTheStreak()
    {
        var history = Streaks.Walk(Days(Range(1, 7), [9]), currentDay: 10, Default);

        Assert.Equal((8, 8, 0), (history.Current, history.Longest, history.FreezesHeld));
        Assert.Equal([8], history.FreezesUsed.ToArray());
    }

    [Fact]
    public void Walk_NoFreezeEarnedYet_MissedDayBreaksTheStreak()
    {
        var history = Streaks.Walk(Days(Range(1, 6), [8]), currentDay: 8, Default);

        Assert.Equal((1, 6, 1), (history.Current, history.Longest, history.FreezesHeld));
        Assert.Empty(history.FreezesUsed);
    }

    [Fact]
    public void Walk_AtMostTwoHeld_TheThirdMissedDayBreaks()
    {
        // 21 days done earn three freezes, but only two are held; days 22-24 are missed.
        var history = Streaks.Walk(Days(Range(1, 21), [25]), currentDay: 25, Default);

        Assert.Equal([22, 23], history.FreezesUsed.ToArray());
        Assert.Equal((1, 21, 0), (history.Current, history.Longest, history.FreezesHeld));
    }

    [Fact]
    public void Walk_TodayNotDone_UsesNoFreezeForIt()
    {
        var history = Streaks.Walk(Days(Range(1, 7)), currentDay: 8, Default);

        Assert.Equal((7, 1), (history.Current, history.FreezesHeld));
        Assert.Empty(history.FreezesUsed);
    }

    [Fact]
    public void Walk_RulesWithoutFreezes_BreakAsBefore()
    {
        var done = Days(Range(1, 7), [9]);

        Assert.Equal(1, Streaks.Walk(done, 10, StreakRules.None).Current);
        Assert.Equal(1, Streaks.Walk(done, 10, new StreakRules(7, 0)).Current);
        Assert.Empty(Streaks.Walk(done, 10, StreakRules.None).FreezesUsed);
    }

    [Fact]
    public void Walk_OtherSettings_EarnEveryThreeDaysHoldOne()
    {
        var history = Streaks.Walk(Days(Range(1, 6), [9]), currentDay: 9, new StreakRules(3, 1));

        // Day 3 earns one; day 6 earns none (one is the most held); day 7 uses it, day 8 breaks.
        Assert.Equal([7], history.FreezesUsed.ToArray());
        Assert.Equal(1, history.Current);
    }

    [Fact]
    public async Task Progress_AcrossTheSpringClockChangeAndASkippedDate_ShowsTheFrozenLessonDay()
    {
        // Paris from Friday 19 March 2027; clocks go forward on Sunday 28 March; 24 March has no study. Lesson days:
        // 19-23 March are days 1-5, 25-29 March days 6-10. The member checks in at 23:30 local each study day (the
        // UTC hour moves with the clock change) except day 8 (27 March), and is asked on day 10.
        var cohort = DeliveryFixture.Cohort("2027-03-19") with { SkippedDates = [new DateOnly(2027, 3, 24)] };
        var bot = new DeliveryFixture([cohort], "2027-03-19T22:30:00Z", lessonDays: 30);
        var service = new ParticipationService(new InMemoryParticipationStore(), bot.Service, bot.Time);
        foreach (var date in new[] { 19, 20, 21, 22, 23, 25, 26, 28 })
        {
            var offset = date >= 28 ? 2 : 1;
            bot.Time.SetUtcNow(new DateTimeOffset(2027, 3, date, 23 - offset, 30, 0, TimeSpan.Zero));
            await service.CheckInAsync(cohort, "ada", null);
        }

        // 01:30 on Monday 29 March in Paris (summer time) is still the study date of 28 March, day 9.
        bot.Time.SetUtcNow(new DateTimeOffset(2027, 3, 28, 23, 30, 0, TimeSpan.Zero));
        var afterMidnight = await service.ProgressAsync(cohort, "ada");
        bot.Time.SetUtcNow(new DateTimeOffset(2027, 3, 29, 17, 0, 0, TimeSpan.Zero));
        var progress = await service.ProgressAsync(cohort, "ada");
        var board = await service.LeaderboardAsync(cohort, LeaderboardPeriod.All);

        Assert.Equal((9, 8), (afterMidnight.CurrentDay, afterMidnight.CurrentStreak));
        Assert.Equal((10, 8, 8, 0), (progress.CurrentDay, progress.CurrentStreak, progress.DaysDone, progress.FreezesHeld));
        Assert.Equal([8], progress.FreezesUsed);
        Assert.Equal(8, board.Single().Streak);
    }

    [Fact]
    public async Task Progress_CohortWithoutFreezes_BreaksTheStreak()
    {
        var cohort = DeliveryFixture.Cohort("2027-03-01") with { FreezeEvery = 0 };
        var bot = new DeliveryFixture([cohort], "2027-03-01T19:00:00Z", lessonDays: 30);
        var service = new ParticipationService(new InMemoryParticipationStore(), bot.Service, bot.Time);
        foreach (var day in new[] { 1, 2, 3, 4, 5, 6, 7, 9 })
        {
            bot.Time.SetUtcNow(new DateTimeOffset(2027, 3, day, 19, 0, 0, TimeSpan.Zero));
            await service.CheckInAsync(cohort, "ada", null);
        }

        var progress = await service.ProgressAsync(cohort, "ada");

        Assert.Equal((1, 0), (progress.CurrentStreak, progress.FreezesUsed.Count));
    }

    [Theory]
    [InlineData("en", "0 held (one per 7 days done)\nfreeze used on day 8")]
    [InlineData("fr", "0 en réserve (un par 7 jours faits)\ngel utilisé le jour 8")]
    public async Task ProgressCommand_FrozenDay_SaysWhichDayInTheMembersLanguage(string language, string expected)
    {
        var cohort = DeliveryFixture.Cohort("2027-03-01");
        var bot = new DeliveryFixture([cohort], "2027-03-10T19:00:00Z", lessonDays: 30);
        var participation = new ParticipationService(new InMemoryParticipationStore(), bot.Service, bot.Time);
        foreach (var day in new[] { 1, 2, 3, 4, 5, 6, 7, 9 })
        {
            await participation.CheckInAsync(cohort, "ada", day);
        }

        var dispatcher = new CommandDispatcher([new ProgressCommand(participation)], bot.Cohorts, new BotDefaults("2022", "en", "Europe/Paris"), bot.Time);
        var reply = await dispatcher.DispatchAsync(new CommandRequest
        {
            Command = "progress",
            CohortId = cohort.Id,
            MemberId = "ada",
            UserLocale = language,
            Options = ImmutableDictionary<string, string>.Empty,
        });

        Assert.Equal(expected, reply.Fields[^1].Value.ToString());
        Assert.StartsWith("8 ", reply.Fields[1].Value.ToString(), StringComparison.Ordinal);
    }
}
