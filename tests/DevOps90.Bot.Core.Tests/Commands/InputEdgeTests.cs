namespace DevOps90.Bot.Core.Tests.Commands;

/// <summary>What members type that is too short, too long or only punctuation gets a clear answer.</summary>
public sealed class InputEdgeTests
{
    private readonly CommandFixture _bot = new();

    [Theory]
    [InlineData("en", "a", "“a” has no word to search for: type words of two letters or more, e.g. /search docker compose.")]
    [InlineData("en", "?! … -", "“?! … -” has no word to search for: type words of two letters or more, e.g. /search docker compose.")]
    [InlineData("fr", "a", "« a » ne contient aucun mot à chercher : tapez des mots de deux lettres ou plus, par exemple /search docker compose.")]
    public void Search_NoWordOfTwoLetters_SaysThereIsNothingToSearch(string language, string query, string message)
    {
        var reply = _bot.Ask("search", language, null, ("query", query));

        Assert.True(reply.IsError);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public void Search_OneLetterBesideAWord_IgnoresTheLetter()
    {
        var reply = _bot.Ask("search", "en", null, ("query", "a compose"));

        Assert.Equal("Search: a compose", reply.Title);
        Assert.StartsWith("• Day 5 — Docker Compose", reply.Paragraphs[0].ToString(), StringComparison.Ordinal);
        Assert.Single(reply.Paragraphs[0].ToString().Split('\n'));
    }

    [Fact]
    public void Day_MegabyteOfInput_QuotesAtMostAHundredCharacters()
    {
        var reply = _bot.Ask("day", "en", null, ("number", new string('x', 1 << 20)));

        var message = Assert.Single(reply.Paragraphs);
        Assert.Equal($"“{new string('x', 99)}…” is not a day number. Choose a day from 1 to 6.", message);
    }

    [Fact]
    public void Search_MegabyteOfInput_QuotesAtMostAHundredCharacters()
    {
        var reply = _bot.Ask("search", "en", null, ("query", string.Concat(Enumerable.Repeat("zzzz ", 200_000))));

        Assert.True(Assert.Single(reply.Paragraphs).ToString().Length < 200);
        Assert.EndsWith("…”.", reply.Paragraphs[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_MegabyteName_QuotesAtMostAHundredCharacters()
    {
        var reply = _bot.Ask(new string('q', 1 << 20), "en");

        Assert.Equal($"Unknown command “{new string('q', 99)}…”. Type /help to see the commands.", Assert.Single(reply.Paragraphs));
    }
}
