using DevOps90.Bot.Core.Reminders;

namespace DevOps90.Bot.Core.Tests.Reminders;

public sealed class ReminderRoundTests
{
    // Wednesday 3 March 2027 is day 3; 20:30 in Paris is 19:30 UTC (winter time).
    private const string DueMinute = "2027-03-03T19:30:00Z";

    [Fact]
    public async Task Run_DueAndNotCheckedIn_SendsOnePrivateMessageWithTheStreak()
    {
        var bot = new ReminderFixture("2027-03-03T09:00:00Z");
        await bot.Participation.CheckInAsync(bot.Cohort, "ada", 1);
        await bot.Participation.CheckInAsync(bot.Cohort, "ada", 2);
        await bot.Reminders.SetAsync(bot.Cohort, "ada", new TimeOnly(20, 30), null, "en");

        bot.At("2027-03-03T19:29:00Z");
        var early = await bot.NewRound().RunAsync();
        bot.At(DueMinute);
        var due = await bot.NewRound().RunAsync();

        Assert.Equal(0, early.Due);
        Assert.Equal((1, 1), (due.Due, due.Sent));
        var (member, message) = Assert.Single(bot.Messenger.Sent);
        Assert.Equal("ada", member);
        Assert.Equal("Your 2-day streak in group ends at 04:00 unless you check in: today's lesson is day 3, “DevOps Lifecycle”. Check in with /done in the group's channel.", message.Paragraphs[0].ToString());
        Assert.Equal(new DateTimeOffset(2027, 3, 4, 19, 30, 0, TimeSpan.Zero), (await bot.Store.FindAsync(bot.Cohort.Id, "ada"))!.NextAt);
    }

    [Fact]
    public async Task Run_AfterARestartAndOnASecondInstance_NeverSendsTwiceTheSameDay()
    {
        var bot = new ReminderFixture("2027-03-03T09:00:00Z");
        var reminder = await bot.Reminders.SetAsync(bot.Cohort, "ada", new TimeOnly(20, 30), null, "en");
        bot.At(DueMinute);

        // Two instances at the same minute, then a restart that finds the reminder still due (its move was lost).
        await Task.WhenAll(bot.NewRound().RunAsync(), bot.NewRound().RunAsync());
        await bot.Store.SetAsync(reminder);
        bot.At("2027-03-03T19:31:00Z");
        await bot.NewRound().RunAsync();
        bot.At("2027-03-04T19:30:00Z");
        await bot.NewRound().RunAsync();

        Assert.Equal(2, bot.Messenger.Sent.Count);
        Assert.Equal(["ada", "ada"], bot.Messenger.Attempts);
    }

    [Fact]
    public async Task Run_MemberTakesNoPrivateMessages_IsMarkedAndNotTriedAgain()
    {
        var bot = new ReminderFixture("2027-03-03T09:00:00Z");
        bot.Messenger.Closed.Add("ada");
        await bot.Reminders.SetAsync(bot.Cohort, "ada", new TimeOnly(20, 30), null, "en");

        bot.At(DueMinute);
        var first = await bot.NewRound().RunAsync();
        bot.At("2027-03-04T19:30:00Z");
        var nextDay = await bot.NewRound().RunAsync();

        Assert.Equal((1, 0), (first.Closed, nextDay.Due));
        Assert.Single(bot.Messenger.Attempts);
        Assert.NotNull((await bot.Store.FindAsync(bot.Cohort.Id, "ada"))!.BlockedAt);
        var record = await bot.Ledger.FindAsync(new Core.Delivery.DeliveryKey(bot.Cohort.Id, "2027-03-03/ada"));
        Assert.Equal((Core.Delivery.DeliveryState.Failed, true), (record!.State, record.IsPermanent));
    }

    [Fact]
    public async Task Run_CheckedInAlready_SendsNothingAndMovesToTomorrow()
    {
        var bot = new ReminderFixture("2027-03-03T09:00:00Z");
        await bot.Participation.CheckInAsync(bot.Cohort, "ada", null);
        await bot.Reminders.SetAsync(bot.Cohort, "ada", new TimeOnly(20, 30), null, "en");

        bot.At(DueMinute);
        var result = await bot.NewRound().RunAsync();

        Assert.Equal((1, 0, 1), (result.Due, result.Sent, result.Skipped));
        Assert.Empty(bot.Messenger.Sent);
    }

    [Fact]
    public async Task Run_SkippedDate_SendsNothing()
    {
        var bot = new ReminderFixture("2027-03-03T09:00:00Z", cohort => cohort with { SkippedDates = [new DateOnly(2027, 3, 3)] });
        await bot.Reminders.SetAsync(bot.Cohort, "ada", new TimeOnly(20, 30), null, "en");

        bot.At(DueMinute);
        await bot.NewRound().RunAsync();

        Assert.Empty(bot.Messenger.Sent);
    }

    [Theory]
    [InlineData(null, "fr", "La leçon du jour dans group est le jour 3")]
    [InlineData("es", "fr", "La lección de hoy en group es el día 3")]
    public async Task Run_Message_InTheGroupsLanguageElseTheMembers(string? groupLanguage, string memberLanguage, string start)
    {
        var bot = new ReminderFixture("2027-03-03T09:00:00Z", cohort => cohort with { Language = groupLanguage });
        await bot.Reminders.SetAsync(bot.Cohort, "ada", new TimeOnly(20, 30), null, memberLanguage);

        bot.At(DueMinute);
        await bot.NewRound().RunAsync();

        Assert.StartsWith(start, Assert.Single(bot.Messenger.Sent).Message.Paragraphs[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_MembersOwnZone_IsDueAtTheirLocalTimeAcrossTheClockChange()
    {
        // New York moves its clocks on 14 March 2027, Paris on 28 March: 20:30 in New York is 01:30 UTC, then 00:30.
        var bot = new ReminderFixture("2027-03-13T12:00:00Z");
        var before = await bot.Reminders.SetAsync(bot.Cohort, "ada", new TimeOnly(20, 30), "America/New_York", "en");
        var after = ReminderService.NextAfter(before, bot.Cohort, before.NextAt);

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 1, 30, 0, TimeSpan.Zero), before.NextAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 0, 30, 0, TimeSpan.Zero), after);
    }
}
