using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary><c>/cohort archive</c> and <c>/cohort delete</c>: confirmation first, groups from the settings refused.</summary>
public sealed class CohortEndingTests : IDisposable
{
    private static readonly ChatTarget _channel = new("discord", "555");
    private readonly CohortRegistry _registry;
    private readonly CommandDispatcher _dispatcher;
    private readonly List<CohortChange> _changes = [];

    public CohortEndingTests()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        _registry = new CohortRegistry(new InMemoryCohortStore(), time);
        var defaults = new BotDefaults("2022", "en", "Europe/Paris", TimeSpan.FromDays(30));
        _dispatcher = new CommandDispatcher([new CohortCommand(_registry, defaults, time)], _registry, defaults, time);
    }

    [Fact]
    public async Task Archive_WithoutConfirmation_AsksWithAButtonAndChangesNothing()
    {
        await Ask("en", "create", "evenings");
        _registry.Changed += _changes.Add;

        var reply = await Ask("en", "archive");

        Assert.Equal("Archive the study group evenings? The daily posts stop; check-ins and history are kept for 30 days, then deleted.", Assert.Single(reply.Paragraphs));
        var button = Assert.Single(reply.Buttons);
        Assert.Equal(("Archive evenings", "cohort archive:evenings"), (button.Label, button.Command));
        Assert.True(reply.IsPrivate);
        Assert.NotNull(_registry.FindByTarget(_channel));
        Assert.Empty(_changes);
    }

    [Fact]
    public async Task Archive_ConfirmedByTheButton_StopsTheGroupKeepsItsDataAndFreesTheChannel()
    {
        await Ask("en", "create", "evenings");
        _registry.Changed += _changes.Add;

        var reply = await Ask("fr", "archive:evenings");

        Assert.Equal("Groupe d'étude evenings archivé : plus de publication quotidienne. Ses données sont gardées jusqu'au mardi 2 février ; /cohort delete evenings les efface tout de suite.", Assert.Single(reply.Paragraphs));
        Assert.Null(_registry.FindByTarget(_channel));
        Assert.Equal(CohortStatus.Archived, Assert.Single(_registry.Inactive).Status);
        Assert.Equal(new CohortChange(new CohortId("evenings"), null), Assert.Single(_changes));
        Assert.Equal("Le nom evenings est déjà pris par un autre groupe d'étude.", Assert.Single((await Ask("fr", "create", "evenings")).Paragraphs));
    }

    [Fact]
    public async Task Delete_ConfirmedByTypingTheName_DeletesTheGroup_EvenAfterItWasArchived()
    {
        await Ask("en", "create", "evenings");
        await Ask("en", "archive", "evenings");

        var reply = await Ask("en", "delete", "evenings");

        Assert.Equal("Study group evenings deleted, with everything recorded for it.", Assert.Single(reply.Paragraphs));
        Assert.False(_registry.IsTaken(new CohortId("evenings")));
    }

    [Fact]
    public async Task Delete_WrongName_ChangesNothing()
    {
        await Ask("en", "create", "evenings");

        var reply = await Ask("en", "delete", "mornings");

        Assert.True(reply.IsError);
        Assert.Equal("“mornings” is not this study group's name (evenings): nothing was changed.", Assert.Single(reply.Paragraphs));
        Assert.NotNull(_registry.FindByTarget(_channel));
    }

    [Fact]
    public async Task Archive_GroupFromTheSettings_IsRefusedWithWhereToEndIt()
    {
        await _registry.InitializeAsync([new Cohort { Id = new CohortId("configured"), CurriculumId = "2022", StartDate = new DateOnly(2027, 1, 1), TimeZoneId = "Europe/Paris", Target = _channel }]);

        var reply = await Ask("en", "archive:configured");

        Assert.Equal("The study group configured is defined in the bot's settings: it ends when it is taken out of them (at the next start).", Assert.Single(reply.Paragraphs));
        Assert.NotNull(_registry.FindByTarget(_channel));
    }

    private async Task<Reply> Ask(string language, string action, string? value = null) =>
        await _dispatcher.DispatchAsync(CohortRequests.Moderator(_registry, _channel, language, action, value));

    public void Dispose() => _registry.Dispose();
}
