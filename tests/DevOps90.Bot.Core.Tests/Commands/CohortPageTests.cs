using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary><c>/cohort page on|off</c>: the group's public web page, off by default, with its address when it goes on.</summary>
public sealed class CohortPageTests : IDisposable
{
    private static readonly ChatTarget _channel = new("discord", "555");
    private readonly CohortRegistry _registry = new(new InMemoryCohortStore());
    private readonly List<CohortChange> _changes = [];

    public CohortPageTests() => _registry.Changed += _changes.Add;

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task PageOn_WithAPublicAddress_SavesItAndAnswersWithThePageAddress()
    {
        var dispatcher = Dispatcher(new GroupPageAddress(new Uri("https://bot.example.org/study/")));
        await Ask(dispatcher, "create", "paris-evenings");
        Assert.False(_registry.Find(new CohortId("paris-evenings"))!.PublicPage);

        var reply = await Ask(dispatcher, "page", "on");

        Assert.True(_registry.Find(new CohortId("paris-evenings"))!.PublicPage);
        Assert.Equal(2, _changes.Count);
        var address = reply.Paragraphs[1].Lines.Single().Spans.Single(span => span.Kind == SpanKind.Link);
        Assert.Equal("https://bot.example.org/study/groups/paris-evenings", address.Target);
        Assert.Contains(reply.Fields, field => field.Name == "Web page" && field.Value.ToString().StartsWith("on (public", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PageOn_WithoutAPublicAddress_SaysWhichPathAndSetting()
    {
        var dispatcher = Dispatcher(GroupPageAddress.None);
        await Ask(dispatcher, "create", "group");

        var reply = await Ask(dispatcher, "page", "on");

        Assert.Equal("The page is on, at /groups/group on the bot's own address; set Web:PublicBaseUrl to give its full address.", reply.Paragraphs[1]);
    }

    [Fact]
    public async Task PageOff_TakesItBackAndGivesNoAddress()
    {
        var dispatcher = Dispatcher(new GroupPageAddress(new Uri("https://bot.example.org")));
        await Ask(dispatcher, "create", "group");
        await Ask(dispatcher, "page", "on");

        var reply = await Ask(dispatcher, "page", "off");

        Assert.False(_registry.Find(new CohortId("group"))!.PublicPage);
        Assert.Single(reply.Paragraphs);
    }

    [Fact]
    public async Task Page_NeitherOnNorOff_IsRefused()
    {
        var dispatcher = Dispatcher(GroupPageAddress.None);
        await Ask(dispatcher, "create", "group");

        var reply = await Ask(dispatcher, "page", "public");

        Assert.True(reply.IsError);
        Assert.Equal("“public” is neither on nor off.", Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public void Address_IdWithCharactersOfAPath_IsEscaped()
    {
        var address = new GroupPageAddress(new Uri("https://bot.example.org"));

        Assert.Null(address.For(new Cohort { Id = new CohortId("g"), CurriculumId = "2022", StartDate = new DateOnly(2027, 1, 1), TimeZoneId = "UTC" }));
        Assert.Equal("https://bot.example.org/groups/a%20b", address.Of(new CohortId("a b"))!.AbsoluteUri);
    }

    private CommandDispatcher Dispatcher(GroupPageAddress pages)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        return new CommandDispatcher([new CohortCommand(_registry, defaults, time, pages: pages)], _registry, defaults, time);
    }

    private async Task<Reply> Ask(CommandDispatcher dispatcher, string action, string value) =>
        await dispatcher.DispatchAsync(new CommandRequest
        {
            Command = "cohort",
            Options = ImmutableDictionary<string, string>.Empty.Add("action", action).Add("value", value),
            CohortId = _registry.FindByTarget(_channel)?.Id,
            Channel = _channel,
            IsModerator = true,
            UserLocale = "en",
        });
}
