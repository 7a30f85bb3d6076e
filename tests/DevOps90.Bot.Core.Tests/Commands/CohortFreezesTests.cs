using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary>
/// <c>/cohort freeze-every|freeze-max</c>: the streak freezes' settings, set by moderators (on Discord, Slack and the
/// dashboard's form, which all come here) with the one check the configuration file uses too.
/// </summary>
public sealed class CohortFreezesTests : IDisposable
{
    private static readonly ChatTarget _channel = new("discord", "555");
    private readonly CohortRegistry _registry = new(new InMemoryCohortStore());
    private readonly CommandDispatcher _dispatcher;

    public CohortFreezesTests()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        _dispatcher = new CommandDispatcher([new CohortCommand(_registry, defaults, time)], _registry, defaults, time);
    }

    public void Dispose() => _registry.Dispose();

    private Cohort Group => _registry.Find(new CohortId("group"))!;

    [Fact]
    public async Task FreezeEveryAndMax_SaveTheRules_AndShowSaysThem()
    {
        await Ask("en", "create", "group");
        Assert.Equal((7, 2), (Group.FreezeEvery, Group.FreezeMax));

        await Ask("en", "freeze-every", "10");
        var shown = await Ask("en", "freeze-max", " 3 ");

        Assert.Equal((10, 3), (Group.FreezeEvery, Group.FreezeMax));
        Assert.Equal("Saved: freeze-max. The schedule follows at once.", shown.Paragraphs[0]);
        Assert.Equal("one per 10 days done, at most 3 held", shown.Fields.Single(field => field.Name == "Streak freezes").Value);
    }

    [Theory]
    [InlineData("freeze-every", "none")]
    [InlineData("freeze-max", "0")]
    [InlineData("freeze-max", "OFF")]
    public async Task Freezes_ZeroOrNone_TurnsThemOff(string action, string value)
    {
        await Ask("en", "create", "group");

        var shown = await Ask("en", action, value);

        Assert.False(StreakRules.Of(Group).HasFreezes);
        Assert.Equal("none", shown.Fields.Single(field => field.Name == "Streak freezes").Value);
    }

    [Theory]
    [InlineData("en", "freeze-every", "101", "“101” is not a number of days done per freeze from 0 (no freezes) to 100.")]
    [InlineData("en", "freeze-every", "-1", "“-1” is not a number of days done per freeze from 0 (no freezes) to 100.")]
    [InlineData("en", "freeze-every", "7.5", "“7.5” is not a number of days done per freeze from 0 (no freezes) to 100.")]
    [InlineData("en", "freeze-max", "11", "“11” is not a number of freezes held from 0 (none) to 10.")]
    [InlineData("en", "freeze-max", "two", "“two” is not a number of freezes held from 0 (none) to 10.")]
    [InlineData("fr", "freeze-max", "99", "« 99 » n’est pas un nombre de gels en réserve de 0 (aucun) à 10.")]
    public async Task Freezes_OutOfRangeOrNotANumber_IsRefused_AndChangesNothing(string language, string action, string value, string message)
    {
        await Ask("en", "create", "group");
        var before = Group;

        var reply = await Ask(language, action, value);

        Assert.True(reply.IsError);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
        Assert.True(CohortComparer.Same(before, Group));
    }

    [Fact]
    public void Complete_FreezeEvery_OffersUsualNumbersStartingWithWhatIsTyped()
    {
        var request = new CommandRequest { Command = "cohort", Options = ImmutableDictionary<string, string>.Empty.Add("action", "freeze-every"), IsModerator = true };

        Assert.Equal(["10", "14"], _dispatcher.Complete(request, "value", "1").Select(choice => choice.Value));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(100, 10, null)]
    [InlineData(101, 2, "FreezeEvery")]
    [InlineData(-1, 2, "FreezeEvery")]
    [InlineData(7, 11, "FreezeMax")]
    [InlineData(7, -1, "FreezeMax")]
    public void Invalid_NamesTheSettingOutOfRange(int every, int max, string? expected) =>
        Assert.Equal(expected, FreezeSettings.Invalid(every, max));

    private async Task<Reply> Ask(string language, string action, string? value = null) =>
        await _dispatcher.DispatchAsync(CohortRequests.Moderator(_registry, _channel, language, action, value));
}
