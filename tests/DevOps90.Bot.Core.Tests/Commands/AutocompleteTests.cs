namespace DevOps90.Bot.Core.Tests.Commands;

public sealed class AutocompleteTests
{
    private readonly CommandFixture _bot = new();

    [Fact]
    public void Day_NothingTyped_OffersTheDaysInTheMembersLanguage()
    {
        var choices = _bot.Complete("day", "number", "", "fr");

        Assert.Equal(6, choices.Count);
        Assert.Equal(("2 — Responsabilités d'un Ingénieur DevOps", "2"), (choices[1].Name, choices[1].Value));
        Assert.Equal("5 — Docker Compose", choices[4].Name);
    }

    [Fact]
    public void Day_Digits_MatchDayNumbers()
    {
        Assert.Equal(["4"], _bot.Complete("day", "number", "4").Select(choice => choice.Value));
    }

    [Fact]
    public void Day_Words_MatchTitlesIgnoringAccents()
    {
        Assert.Equal(["6"], _bot.Complete("day", "number", "resume", "fr").Select(choice => choice.Value));
        Assert.Equal(["2"], _bot.Complete("day", "number", "ingenieur", "fr").Select(choice => choice.Value));
    }

    [Fact]
    public void Topic_Words_MatchTopicNames()
    {
        var choice = Assert.Single(_bot.Complete("resources", "topic", "conten", "fr"));

        Assert.Equal(("Conteneurs (4–6)", "Conteneurs"), (choice.Name, choice.Value));
    }

    [Fact]
    public void UnknownOption_HasNoChoices()
    {
        Assert.Empty(_bot.Complete("day", "colour", "x"));
        Assert.Empty(_bot.Complete("frobnicate", "number", "1"));
    }
}
