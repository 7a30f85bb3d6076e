using System.Text.RegularExpressions;
using DevOps90.Bot.Core.Localization;

namespace DevOps90.Bot.Core.Tests.Localization;

public sealed partial class BotTextTests
{
    [Fact]
    public void EveryText_HasTheSamePlaceholdersInEveryLanguage()
    {
        var mismatches = new List<string>();
        foreach (var key in BotText.AllKeys())
        {
            var english = Placeholders(BotText.For("en")[key]);
            foreach (var language in BotText.Languages.Skip(1))
            {
                var translated = Placeholders(BotText.For(language)[key]);
                if (!english.SetEquals(translated))
                {
                    mismatches.Add($"{key} ({language}): {{{string.Join(",", english.Order())}}} vs {{{string.Join(",", translated.Order())}}}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void EveryText_FormatsWithItsPlaceholders()
    {
        foreach (var language in BotText.Languages)
        {
            var text = BotText.For(language);
            foreach (var key in BotText.AllKeys())
            {
                var count = Placeholders(text[key]).DefaultIfEmpty(-1).Max() + 1;
                // A stray brace or a placeholder index beyond the arguments throws here.
                _ = text.Format(key, [.. Enumerable.Range(0, count).Select(index => (object)index)]);
            }
        }
    }

    [Fact]
    public void French_DefinesEveryEnglishText()
    {
        var english = BotText.AllKeys();

        Assert.NotEmpty(english);
        Assert.Equal(english, BotText.KeysOf("fr"));
    }

    [Theory]
    [InlineData("fr", null, "en", "fr")]
    [InlineData(null, "pt-BR", "fr", "pt-br")]
    [InlineData(null, null, "fr", "fr")]
    [InlineData(null, "", "de", "de")]
    [InlineData(null, null, null, "en")]
    public void Choose_CohortThenMemberThenServerThenDefault(string? cohort, string? member, string? server, string expected)
    {
        Assert.Equal(expected, LanguageChoice.Choose(cohort, member, server, "en"));
    }

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("pt-br", "en")]
    [InlineData("en-US", "en")]
    public void TextFor_LanguagesTheBotDoesNotSpeak_UseTheDefault(string chosen, string expected)
    {
        Assert.Equal(expected, LanguageChoice.TextFor(chosen, "en").Language);
    }

    private static HashSet<int> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(match => int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"(?<!\{)\{(?<index>\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
