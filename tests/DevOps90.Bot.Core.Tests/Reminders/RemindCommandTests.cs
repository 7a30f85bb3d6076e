using System.Collections.Immutable;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Core.Tests.Reminders;

public sealed class RemindCommandTests
{
    private readonly ReminderFixture _bot = new("2027-03-03T09:00:00Z");
    private readonly CommandDispatcher _dispatcher;

    public RemindCommandTests() => _dispatcher = new CommandDispatcher(
        [new RemindCommand(_bot.Reminders), new ForgetMeCommand(_bot.Participation, reminders: _bot.Reminders)],
        _bot.Bot.Cohorts,
        new BotDefaults("2022", "en", "Europe/Paris"),
        _bot.Bot.Time);

    [Theory]
    [InlineData("en", "Reminders on: at 20:30 (America/New_York), a private message on each study day you have not checked in by then.")]
    [InlineData("ja", "リマインダー オン：20:30（America/New_York）に、その時点でチェックインしていない学習日に個人メッセージを送ります。")]
    public async Task Remind_AtAndZone_SavesThemWithTheMembersLanguage(string language, string expected)
    {
        var reply = await AskAsync("remind", language, ("at", "20:30"), ("zone", "America/New_York"));

        Assert.Equal(expected, reply.Paragraphs[0].ToString());
        Assert.True(reply.IsPrivate);
        var saved = await _bot.Store.FindAsync(_bot.Cohort.Id, "ada");
        Assert.Equal((new TimeOnly(20, 30), "America/New_York", language), (saved!.At, saved.TimeZoneId, saved.Language));
    }

    [Fact]
    public async Task Remind_Off_StopsThem_AndWithoutOptionsSaysNoneIsSet()
    {
        await AskAsync("remind", "en", ("at", "7:05"));

        var off = await AskAsync("remind", "en", ("at", "off"));
        var shown = await AskAsync("remind", "en");

        Assert.Equal("Reminders are off.", off.Paragraphs[0].ToString());
        Assert.StartsWith("You get no reminders.", shown.Paragraphs[0].ToString(), StringComparison.Ordinal);
        Assert.Null(await _bot.Store.FindAsync(_bot.Cohort.Id, "ada"));
    }

    [Theory]
    [InlineData("at", "8pm", "“8pm” is not a time like 20:30 (or off to stop reminders).")]
    [InlineData("zone", "Paris", "“Paris” is not an IANA time zone such as Europe/Paris.")]
    public async Task Remind_BadValue_IsRefusedSayingWhy(string option, string value, string expected)
    {
        var reply = await AskAsync("remind", "en", option == "at" ? ("zone", "Europe/Paris") : ("at", "20:30"), (option, value));

        Assert.True(reply.IsError);
        Assert.Equal(expected, reply.Paragraphs[0].ToString());
    }

    [Fact]
    public async Task Remind_BlockedMember_IsToldToOpenTheirMessages()
    {
        await AskAsync("remind", "en", ("at", "20:30"));
        await _bot.Store.MarkBlockedAsync(_bot.Cohort.Id, "ada", _bot.Bot.Time.GetUtcNow());

        var reply = await AskAsync("remind", "en");

        Assert.EndsWith("Open them, then run /remind again.", reply.Paragraphs[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetMe_DeletesTheReminder()
    {
        await AskAsync("remind", "en", ("at", "20:30"));

        await AskAsync("forget-me", "en", ("confirm", "confirm"));

        Assert.Null(await _bot.Store.FindAsync(_bot.Cohort.Id, "ada"));
    }

    private async Task<Reply> AskAsync(string command, string language, params (string Name, string Value)[] options) =>
        await _dispatcher.DispatchAsync(new CommandRequest
        {
            Command = command,
            Options = options.ToImmutableDictionary(option => option.Name, option => option.Value),
            CohortId = _bot.Cohort.Id,
            MemberId = "ada",
            UserLocale = language,
        });
}
