using System.Collections.Immutable;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Participation;

/// <summary>
/// The evening post of 4 January (18:00, Europe/Paris) announces day 5 with a "Done — day 5" button: from that moment
/// day 5 can be marked done; before it, the refusal says when it opens.
/// </summary>
public sealed class DoneAfterThePostTests
{
    private readonly InMemoryParticipationStore _store = new();
    private CommandDispatcher _dispatcher = null!;

    public DoneAfterThePostTests() => StartAt("2027-01-04T17:01:00Z");

    // A fake clock only moves forward: each test that needs an earlier moment starts a bot there.
    private void StartAt(string now)
    {
        var bot = new DeliveryFixture(Cohort("2027-01-01"), now);
        var participation = new ParticipationService(_store, bot.Service, bot.Time);
        var choices = new LessonChoices(bot.Index);
        _dispatcher = new CommandDispatcher(
            [new DoneCommand(participation, choices), new UndoCommand(participation, choices)],
            bot.Cohorts,
            new BotDefaults("2022", "en", "Europe/Paris"),
            bot.Time);
    }

    [Fact]
    public async Task Done_ButtonOneMinuteAfterTheEveningPost_ChecksInForTheAnnouncedDay()
    {
        var reply = await Ask("en", ("day", "5"));

        Assert.False(reply.IsError);
        Assert.Equal("Day 5 marked done — streak 1 🔥", Assert.Single(reply.Paragraphs));
        var stored = Assert.Single(await _store.ForMemberAsync(Id, "ada"));
        Assert.Equal((5, false), (stored.Day, stored.IsLate));
    }

    [Theory]
    [InlineData("en", "Day 5 opens at 18:00 on Monday 4 January.")]
    [InlineData("fr", "Le jour 5 ouvre à 18:00 le lundi 4 janvier.")]
    public async Task Done_OneMinuteBeforeTheEveningPost_SaysWhenTheDayOpens(string language, string message)
    {
        StartAt("2027-01-04T16:59:00Z");

        var reply = await Ask(language, ("day", "5"));

        Assert.True(reply.IsError);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
        Assert.Empty(await _store.ForMemberAsync(Id, "ada"));
    }

    [Fact]
    public async Task Done_WithoutADayAfterTheEveningPost_IsStillTodaysLesson()
    {
        var reply = await Ask("en");

        Assert.Equal("Day 4 marked done — streak 1 🔥", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Done_DayOneOnTheEveOfTheStart_AfterThePost_ChecksIn()
    {
        StartAt("2026-12-31T17:30:00Z");

        var reply = await Ask("en", ("day", "1"));

        Assert.Equal("Day 1 marked done — streak 1 🔥", Assert.Single(reply.Paragraphs));
    }

    [Theory]
    [InlineData("en", "The study group has not started yet: day 1 is on Friday 1 January 2027.")]
    [InlineData("fr", "Le groupe d'étude n'a pas encore commencé : le jour 1 est le vendredi 1 janvier 2027.")]
    public async Task Undo_BeforeTheStart_SaysTheGroupHasNotStarted(string language, string message)
    {
        StartAt("2026-12-30T12:00:00Z");

        var reply = await _dispatcher.DispatchAsync(Request("undo", language));

        Assert.True(reply.IsError);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
    }

    private Task<Reply> Ask(string language, params (string Name, string Value)[] options) =>
        _dispatcher.DispatchAsync(Request("done", language, options)).AsTask();

    private static CommandRequest Request(string command, string language, params (string Name, string Value)[] options) => new()
    {
        Command = command,
        Options = options.ToImmutableDictionary(option => option.Name, option => option.Value),
        CohortId = Id,
        MemberId = "ada",
        UserLocale = language,
    };
}
