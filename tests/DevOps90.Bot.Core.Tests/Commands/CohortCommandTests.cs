namespace DevOps90.Bot.Core.Tests.Commands;

public sealed class CohortCommandTests
{
    [Fact]
    public void Today_OutsideACohort_ExplainsThereIsNoToday()
    {
        var reply = new CommandFixture().Ask("today", "en");

        Assert.True(reply.IsError);
        Assert.Contains("does not follow a study group", reply.Paragraphs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The study group starts tomorrow, Monday 4 January, with day 1.")]
    [InlineData("fr", "Le groupe d'étude commence demain, lundi 4 janvier, par le jour 1.")]
    public void Today_DayBeforeTheStart_SaysWhenItStarts(string language, string message)
    {
        var bot = new CommandFixture("2027-01-03T12:00:00Z");

        Assert.Equal(message, Assert.Single(bot.Ask("today", language, CommandFixture.Weekdays).Paragraphs));
    }

    [Fact]
    public void Today_WellBeforeTheStart_CountsTheDays()
    {
        var bot = new CommandFixture("2026-12-01T12:00:00Z");

        Assert.Equal("The study group starts in 31 days, on Friday 1 January, with day 1.", Assert.Single(bot.Ask("today", "en", CommandFixture.Daily).Paragraphs));
    }

    [Fact]
    public void Today_ThirdDay_ShowsDayThree()
    {
        var bot = new CommandFixture("2027-01-03T12:00:00Z");

        Assert.Equal("Day 3 — DevOps Lifecycle", bot.Ask("today", "en", CommandFixture.Daily).Title);
    }

    [Fact]
    public void Today_LocalMidnightInParis_IsAlreadyTheNextDay()
    {
        // 23:30 UTC on 2 January is 00:30 on 3 January in Paris.
        var bot = new CommandFixture("2027-01-02T23:30:00Z");

        Assert.Equal("Day 3 — DevOps Lifecycle", bot.Ask("today", "en", CommandFixture.Daily).Title);
    }

    [Fact]
    public void Today_Weekend_SaysRestDayAndKeepsFridaysLesson()
    {
        var bot = new CommandFixture("2027-01-09T12:00:00Z");

        var reply = bot.Ask("today", "en", CommandFixture.Weekdays);

        Assert.Equal("Day 5 — Docker Compose", reply.Title);
        Assert.Equal("No new lesson today. The next study day is Monday 11 January, with day 6.", reply.Paragraphs[0]);
    }

    [Theory]
    [InlineData("en", "The study group has completed all 6 days. Well done, everyone!")]
    [InlineData("fr", "Le groupe d'étude a terminé les 6 jours. Bravo à toutes et à tous !")]
    public void Today_AfterTheLastDay_Congratulates(string language, string message)
    {
        var bot = new CommandFixture("2027-02-01T12:00:00Z");

        Assert.Equal(message, Assert.Single(bot.Ask("today", language, CommandFixture.Daily).Paragraphs));
    }

    [Fact]
    public void Today_Paused_SaysSoAndShowsTheFrozenDay()
    {
        var bot = new CommandFixture("2027-01-20T12:00:00Z");

        var reply = bot.Ask("today", "en", CommandFixture.Paused);

        Assert.Equal("Day 2 — Responsibilities of a DevOps Engineer", reply.Title);
        Assert.StartsWith("The study group is paused", reply.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Tomorrow_FridayOfAWeekdayCohort_IsMondaysLesson()
    {
        var bot = new CommandFixture("2027-01-08T17:00:00Z");

        var reply = bot.Ask("tomorrow", "fr", CommandFixture.Weekdays);

        Assert.Equal("Jour 6 — Résumé Writing for Engineers", reply.Title);
        Assert.Equal("Prochain jour d'étude : lundi 11 janvier", reply.Paragraphs[0]);
    }

    [Fact]
    public void Tomorrow_LastDay_SaysNoMoreDays()
    {
        var bot = new CommandFixture("2027-01-06T12:00:00Z");

        Assert.Equal("There is no study day after the last lesson.", Assert.Single(bot.Ask("tomorrow", "en", CommandFixture.Daily).Paragraphs));
    }

    [Fact]
    public void Tomorrow_Paused_SaysPaused()
    {
        var bot = new CommandFixture("2027-01-20T12:00:00Z");

        Assert.StartsWith("Le groupe d'étude est en pause", bot.Ask("tomorrow", "fr", CommandFixture.Paused).Paragraphs[0], StringComparison.Ordinal);
    }
}
