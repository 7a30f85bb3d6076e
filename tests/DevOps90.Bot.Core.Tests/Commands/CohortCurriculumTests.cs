using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary>/cohort curriculum and /cohort language, checked against what the content index holds.</summary>
public sealed class CohortCurriculumTests : IDisposable
{
    private static readonly ChatTarget _channel = new("discord", "555");
    private readonly CohortRegistry _registry = new(new InMemoryCohortStore());
    private readonly CommandDispatcher _dispatcher;

    public CohortCurriculumTests()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        var spanish2024 = SampleCurriculum.Make("en", 3) with { Id = "2024", Edition = "2024", Title = "#90DaysOfDevOps 2024" };
        var german2022 = SampleCurriculum.Make("en", 3) with { Language = "de" };
        var index = new CurriculumIndex([SampleCurriculum.Make("en", 6), german2022, spanish2024]);
        _dispatcher = new CommandDispatcher([new CohortCommand(_registry, defaults, time, content: index)], _registry, defaults, time);
    }

    [Fact]
    public async Task Curriculum_AnEditionTheIndexHolds_SwitchesTheGroup()
    {
        await Ask("create", "group");

        await Ask("curriculum", "2024");

        Assert.Equal("2024", _registry.FindByTarget(_channel)!.CurriculumId);
    }

    [Fact]
    public async Task Curriculum_UnknownEdition_IsRefusedListingTheOnesThereAre()
    {
        await Ask("create", "group");

        var reply = await Ask("curriculum", "1999");

        Assert.True(reply.IsError);
        Assert.Equal("“1999” is not an edition the bot has: 2022, 2024.", reply.Paragraphs[0].ToString());
        Assert.Equal("2022", _registry.FindByTarget(_channel)!.CurriculumId);
    }

    [Theory]
    [InlineData("de", "de")]
    [InlineData("pt-BR", "pt-br")]
    [InlineData("ja", "ja")]
    public async Task Language_OfTheLessonsOrOfTheBot_IsAccepted(string typed, string stored)
    {
        await Ask("create", "group");

        await Ask("language", typed);

        Assert.Equal(stored, _registry.FindByTarget(_channel)!.Language);
    }

    [Fact]
    public async Task Language_NeitherWrittenNorSpoken_IsRefusedListingTheChoices()
    {
        await Ask("create", "group");

        var reply = await Ask("language", "xx");

        Assert.True(reply.IsError);
        Assert.StartsWith("“xx” is not a language: en, de, fr, es", reply.Paragraphs[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_Curriculum_OffersTheEditionsWithTheirTitles()
    {
        var choices = _dispatcher.Complete(Request(ImmutableDictionary<string, string>.Empty.Add("action", "curriculum")), "value", "20");

        Assert.Equal(["2022", "2024"], choices.Select(choice => choice.Value));
        Assert.Equal("2024 — #90DaysOfDevOps 2024", choices[1].Name);
    }

    [Fact]
    public void Complete_Language_MatchesNamesAsWellAsCodes()
    {
        var choices = _dispatcher.Complete(Request(ImmutableDictionary<string, string>.Empty.Add("action", "language")), "value", "japan");

        Assert.Equal("ja", Assert.Single(choices).Value);
    }

    private static CommandRequest Request(ImmutableDictionary<string, string> options) =>
        new() { Command = "cohort", Options = options, Channel = _channel, IsModerator = true, UserLocale = "en" };

    private async Task<Reply> Ask(string action, string value)
    {
        var here = _registry.FindByTarget(_channel);
        return await _dispatcher.DispatchAsync(Request(ImmutableDictionary<string, string>.Empty.Add("action", action).Add("value", value)) with { CohortId = here?.Id });
    }

    public void Dispose() => _registry.Dispose();
}
