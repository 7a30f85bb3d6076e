using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Tests.Delivery;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Participation;

/// <summary>
/// What the group's web page takes from participation: names instead of ids, members who hid themselves left out,
/// news of every change (for its cache), and the links the bot posts to it.
/// </summary>
public sealed class PublicPageTests
{
    private static readonly GroupPageAddress _pages = new(new Uri("https://bot.example.org"));
    private readonly DeliveryFixture _bot = new(Cohort("2027-01-04") with { PublicPage = true }, "2027-01-06T19:00:00Z");
    private readonly InMemoryMemberProfileStore _profiles = new();
    private readonly ParticipationService _participation;
    private readonly Cohort _cohort;

    public PublicPageTests()
    {
        _participation = new ParticipationService(new InMemoryParticipationStore(), _bot.Service, _bot.Time, _profiles);
        _cohort = _bot.Cohorts.Find(Id)!;
    }

    [Fact]
    public async Task PublicLeaderboard_HiddenLeader_IsLeftOutAndTheRanksCloseUp()
    {
        await CheckIn("discord:1", "Ada", 1, 2, 3);
        await CheckIn("discord:2", "Grace", 1, 2);
        await CheckIn("discord:3", null, 1);
        await _participation.SetHiddenAsync("discord:1", true);

        var lines = await _participation.PublicLeaderboardAsync(_cohort, LeaderboardPeriod.Week, size: 2);

        Assert.Equal([new PublicLeaderboardLine(1, "Grace", 2, 2), new PublicLeaderboardLine(2, null, 1, 0)], lines);
    }

    [Fact]
    public async Task PublicLeaderboard_ShownAgain_ComesBackUnderTheLatestName()
    {
        await CheckIn("discord:1", "Ada", 1);
        await _participation.SetHiddenAsync("discord:1", true);
        await _participation.SetHiddenAsync("discord:1", false);
        await CheckIn("discord:1", "Ada L.", 2);

        var line = Assert.Single(await _participation.PublicLeaderboardAsync(_cohort, LeaderboardPeriod.Week));

        Assert.Equal("Ada L.", line.DisplayName);
    }

    [Fact]
    public async Task Changed_CheckInUndoHideAndForget_AreAnnounced_ARepeatIsNot()
    {
        var announced = new List<CohortId?>();
        _participation.Changed += announced.Add;

        await _participation.CheckInAsync(_cohort, "discord:1", 1);
        await _participation.CheckInAsync(_cohort, "discord:1", 1);
        await _participation.UndoAsync(_cohort, "discord:1", 1);
        await _participation.SetHiddenAsync("discord:1", true);
        await _participation.ForgetAsync("discord:1");

        Assert.Equal([Id, Id, null, null], announced);
        Assert.Empty(await _profiles.FindAsync(["discord:1"]));
    }

    [Fact]
    public async Task PageCommand_Hide_ThenShow_SaysWhereThePageIsAndWhetherTheNameShows()
    {
        var hidden = await AskPage("hide");
        var shown = await AskPage("show");

        Assert.Equal("https://bot.example.org/groups/group", hidden.Paragraphs[0].Lines.Single().Spans.Single(span => span.Kind == SpanKind.Link).Target);
        Assert.Equal("Your name is hidden from every study group's web page. /page show puts it back.", hidden.Paragraphs[1]);
        Assert.Equal("Your name shows on the web pages' leaderboards when you rank. /page hide takes it off.", shown.Paragraphs[1]);
        Assert.True(hidden.IsPrivate);
        Assert.False((await _profiles.FindAsync(["discord:1"]))["discord:1"].Hidden);
    }

    [Fact]
    public async Task PageCommand_Unknown_IsRefused()
    {
        var reply = await AskPage("maybe");

        Assert.True(reply.IsError);
        Assert.Equal("“maybe” is neither show nor hide.", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public void DailyPost_PageOn_CarriesALinkButton_PageOff_DoesNot()
    {
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        var composer = new DailyPostComposer(_bot.Index, defaults, _pages);
        var calendar = _bot.Service.CalendarFor(_cohort)!;
        var post = PostPlanner.PostOn(calendar, new DateOnly(2027, 1, 6))!;

        var on = composer.Compose(calendar, post);
        var off = composer.Compose(new StudyCalendar(_cohort with { PublicPage = false }, calendar.LastDay), post);

        Assert.Contains(new ReplyButton("Web page", Url: "https://bot.example.org/groups/group"), on.Buttons);
        Assert.DoesNotContain(off.Buttons, button => button.Url is not null);
    }

    [Fact]
    public async Task Progress_PageOn_LinksToThePage()
    {
        var dispatcher = Dispatcher(new ProgressCommand(_participation, pages: _pages));

        var reply = await dispatcher.DispatchAsync(Request("progress", []));

        Assert.Equal("https://bot.example.org/groups/group", Assert.Single(reply.Buttons).Url);
    }

    private async Task CheckIn(string member, string? name, params int[] days)
    {
        foreach (var day in days)
        {
            await _participation.CheckInAsync(_cohort, member, day, name);
        }
    }

    private Task<Reply> AskPage(string visibility) =>
        Dispatcher(new PageCommand(_participation, _pages)).DispatchAsync(Request("page", [("visibility", visibility)])).AsTask();

    private CommandDispatcher Dispatcher(ICommandHandler handler) =>
        new([handler], _bot.Cohorts, new BotDefaults("2022", "en", "Europe/Paris"), _bot.Time);

    private static CommandRequest Request(string command, (string Name, string Value)[] options) => new()
    {
        Command = command,
        Options = options.ToImmutableDictionary(option => option.Name, option => option.Value),
        CohortId = Id,
        MemberId = "discord:1",
        UserLocale = "en",
    };
}
