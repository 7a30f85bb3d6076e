using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.LocalConsole;

namespace DevOps90.Bot.Tests.LocalConsole;

public sealed class ConsoleSuggestionsTests
{
    [Fact]
    public void Render_MoreSuggestionsThanAScreenful_ShowsTwentyFiveAndCountsTheRest()
    {
        var choices = Enumerable.Range(1, 90).Select(day => new AutocompleteChoice($"{day} — lesson", $"{day}")).ToList();

        var lines = ConsoleRenderer.Render(choices, BotText.For("en")).TrimEnd().Split(Environment.NewLine);

        Assert.Equal(26, lines.Length);
        Assert.Equal("  25   25 — lesson", lines[24]);
        Assert.Equal("  … and 65 more: type more of the word.", lines[25]);
    }

    [Fact]
    public void Render_AFewSuggestions_ShowsThemAll()
    {
        var lines = ConsoleRenderer.Render([new AutocompleteChoice("2 — two", "2"), new AutocompleteChoice("20 — twenty", "20")], BotText.For("fr")).TrimEnd().Split(Environment.NewLine);

        Assert.Equal(["  2    2 — two", "  20   20 — twenty"], lines);
    }
}
