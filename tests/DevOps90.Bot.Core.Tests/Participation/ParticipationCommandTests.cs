using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Participation;

public sealed class ParticipationCommandTests
{
    private readonly DeliveryFixture _bot;
    private readonly CommandDispatcher _dispatcher;

    public ParticipationCommandTests()
    {
        _bot = new DeliveryFixture(Cohort("2027-01-04"), "2027-01-06T19:00:00Z");
        var participation = new ParticipationService(new InMemoryParticipationStore(), _bot.Service, _bot.Time);
        var choices = new LessonChoices(_bot.Index);
        _dispatcher = new CommandDispatcher(
            [new DoneCommand(participation, choices), new UndoCommand(participation, choices), new ProgressCommand(participation), new LeaderboardCommand(participation), new ForgetMeCommand(participation), new ParticipationCommand(participation)],
            _bot.Cohorts,
            new BotDefaults("2022", "en", "Europe/Paris"),
            _bot.Time);
    }

    [Theory]
    [InlineData("en", "Day 3 marked done — streak 1 🔥")]
    [InlineData("fr", "Jour 3 validé — série de 1 🔥")]
    public async Task Done_TodaysLesson_AnswersPrivatelyWithTheStreak(string language, string message)
    {
        var reply = await Ask("done", language);

        Assert.Equal(message, Assert.Single(reply.Paragraphs));
        Assert.True(reply.IsPrivate);
    }

    [Fact]
    public async Task Done_ThreeDaysInARow_AndAgain_SaysAlreadyDone()
    {
        await Ask("done", "en", options: ("day", "1"));
        await Ask("done", "en", options: ("day", "2"));
        var third = await Ask("done", "en");
        var again = await Ask("done", "en", options: ("day", "3"));

        Assert.Equal("Day 3 marked done — streak 3 🔥", Assert.Single(third.Paragraphs));
        Assert.Equal("Day 3 was already marked done — streak 3.", Assert.Single(again.Paragraphs));
    }

    [Theory]
    [InlineData("en", "Day 5 opens at 18:00 on Thursday 7 January.")]
    [InlineData("fr", "Le jour 5 ouvre à 18:00 le jeudi 7 janvier.")]
    public async Task Done_FutureDay_IsRefusedWithWhenItOpens(string language, string message)
    {
        var reply = await Ask("done", language, options: ("day", "5"));

        Assert.True(reply.IsError);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Done_PastDay_SaysLateCountsToo()
    {
        Assert.StartsWith("Day 1 marked done (catching up counts too)", Assert.Single((await Ask("done", "en", options: ("day", "1"))).Paragraphs).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_OutsideACohort_ExplainsThereIsNone()
    {
        var reply = await _dispatcher.DispatchAsync(new CommandRequest { Command = "done", MemberId = "ada", UserLocale = "en" });

        Assert.True(reply.IsError);
        Assert.Equal("This channel does not follow a study group, so there is no “today” here. Try /day 1.", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Undo_RemovesThenSaysItWasNotDone()
    {
        await Ask("done", "fr");

        Assert.Equal("Le jour 3 n'est plus validé.", Assert.Single((await Ask("undo", "fr")).Paragraphs));
        Assert.Equal("Le jour 3 n'était pas validé.", Assert.Single((await Ask("undo", "fr")).Paragraphs));
    }

    [Fact]
    public async Task Progress_Own_ShowsDaysStreaksMissedAndRank()
    {
        await Ask("done", "en", options: ("day", "2"));
        await Ask("done", "en", options: ("day", "3"));

        var reply = await Ask("progress", "en");

        Assert.Equal("Progress", reply.Title);
        Assert.Equal(ReplySpan.Member("ada"), Assert.Single(Assert.Single(Assert.Single(reply.Paragraphs).Lines).Spans));
        Assert.Equal(["2 of 6", "2 🔥", "2", "1", "1 of 1", "0 held (one per 7 days done)"], reply.Fields.Select(field => field.Value));
        Assert.True(reply.IsPrivate);
    }

    [Fact]
    public async Task Progress_OfAnotherMember_IsForModeratorsOnly()
    {
        var member = await Ask("progress", "en", options: ("member", "<@grace>"));
        var moderator = await _dispatcher.DispatchAsync(Request("progress", "en", ("member", "grace")) with { IsModerator = true });

        Assert.Equal("Only moderators can see another member's progress.", Assert.Single(member.Paragraphs));
        Assert.Equal("Progress", moderator.Title);
        Assert.Equal(ReplySpan.Member("grace"), Assert.Single(Assert.Single(Assert.Single(moderator.Paragraphs).Lines).Spans));
    }

    [Theory]
    [InlineData("en", "week", "Leaderboard — this week", "1. @ada — days done: 1 · streak: 1")]
    [InlineData("fr", "tout", "Classement — depuis le début", "1. @ada — jours validés : 1 · série : 1")]
    public async Task Leaderboard_Period_ListsTheTopMembers(string language, string period, string title, string line)
    {
        await Ask("done", language);

        var reply = await Ask("leaderboard", language, options: ("period", period));

        Assert.Equal(title, reply.Title);
        Assert.Equal(line, Assert.Single(reply.Paragraphs).ToString());
        Assert.Contains(ReplySpan.Member("ada"), reply.Paragraphs[0].Lines[0].Spans);
    }

    [Fact]
    public async Task Leaderboard_BadPeriod_SaysWhichOnesExist()
    {
        var reply = await Ask("leaderboard", "en", options: ("period", "year"));

        Assert.True(reply.IsError);
        Assert.Equal("“year” is not a period: use week, month or all.", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task ForgetMe_AsksFirstThenDeletesOnConfirmation()
    {
        await Ask("done", "en");

        var ask = await Ask("forget-me", "en");
        var confirmed = await Ask("forget-me", "en", options: ("confirm", "confirm"));
        var progress = await Ask("progress", "en");

        Assert.Equal("forget-me confirm", Assert.Single(ask.Buttons).Command);
        Assert.Equal("Done: everything stored about you is deleted (1 check-ins).", Assert.Single(confirmed.Paragraphs));
        Assert.Equal("0 of 6", progress.Fields[0].Value);
    }

    [Fact]
    public async Task Participation_ForModerators_SummarisesInTheirLanguage()
    {
        await Ask("done", "fr");
        var member = await _dispatcher.DispatchAsync(Request("participation", "fr"));
        var moderator = await _dispatcher.DispatchAsync(Request("participation", "fr") with { IsModerator = true });

        Assert.True(member.IsError);
        Assert.Equal("/participation est réservée aux modérateurs du groupe d'étude.", Assert.Single(member.Paragraphs));
        Assert.Equal("Participation — group", moderator.Title);
        Assert.Equal("aujourd'hui 1 · cette semaine 1 · au total 1", moderator.Fields[0].Value);
        Assert.EndsWith("Jour 3 : 1 (100 %)", moderator.Fields[1].Value.ToString(), StringComparison.Ordinal);
        Assert.True(moderator.IsPrivate);
    }

    [Theory]
    [InlineData("en", "-5", "“-5” is not a number of days: use a whole number from 1 to 90.")]
    [InlineData("en", "abc", "“abc” is not a number of days: use a whole number from 1 to 90.")]
    [InlineData("fr", "-5", "« -5 » n'est pas un nombre de jours : utilisez un nombre entier de 1 à 90.")]
    public async Task Participation_SummaryWithABadInactiveValue_SaysWhy(string language, string inactive, string message)
    {
        var reply = await _dispatcher.DispatchAsync(Request("participation", language, ("inactive", inactive)) with { IsModerator = true, Subcommand = "summary" });

        Assert.True(reply.IsError);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task Participation_Summary_RoundsPercentagesHalfAwayFromZero()
    {
        await _dispatcher.DispatchAsync(Request("done", "en") with { MemberId = "ada" });
        await _dispatcher.DispatchAsync(Request("done", "en") with { MemberId = "grace" });
        await _dispatcher.DispatchAsync(Request("done", "en", ("day", "1")) with { MemberId = "bob" });

        var reply = await _dispatcher.DispatchAsync(Request("participation", "en") with { IsModerator = true });

        // Two of three members did day 3: 66.7 %, shown as 67 %, not 66 %.
        Assert.EndsWith("Day 3: 2 (67 %)", reply.Fields[1].Value.ToString(), StringComparison.Ordinal);
    }

    private Task<Reply> Ask(string command, string language, params (string Name, string Value)[] options) =>
        _dispatcher.DispatchAsync(Request(command, language, options)).AsTask();

    private static CommandRequest Request(string command, string language, params (string Name, string Value)[] options) => new()
    {
        Command = command,
        Options = options.ToImmutableDictionary(option => option.Name, option => option.Value),
        CohortId = Id,
        MemberId = "ada",
        UserLocale = language,
    };
}
