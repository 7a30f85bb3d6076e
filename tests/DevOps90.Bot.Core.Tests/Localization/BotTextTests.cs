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

    public static TheoryData<string> Translations() => [.. BotText.Languages.Skip(1)];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_DefinesEveryEnglishText_AndNoOther(string language)
    {
        var english = BotText.AllKeys();

        Assert.NotEmpty(english);
        Assert.Equal(english, BotText.KeysOf(language));
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
    [InlineData("pt-BR", "pt-br")]
    [InlineData("pt-PT", "pt-br")]
    [InlineData("es-419", "es")]
    [InlineData("zh-CN", "zh-cn")]
    [InlineData("zh-HK", "zh-tw")]
    [InlineData("ja-JP", "ja")]
    [InlineData("en-US", "en")]
    [InlineData("de-DE", "en")]
    public void TextFor_ALocale_IsTheLanguageTheBotSpeaksForIt_ElseTheDefault(string chosen, string expected)
    {
        Assert.Equal(expected, LanguageChoice.TextFor(chosen, "en").Language);
    }

    [Theory]
    [InlineData("ja", "2027年1月4日")]
    [InlineData("pl", "4 stycznia")]
    [InlineData("pt-br", "4 de janeiro")]
    public void Date_IsWrittenTheWayTheLanguageWritesIt(string language, string expected)
    {
        Assert.Contains(expected, BotText.For(language).Date(new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 30)), StringComparison.Ordinal);
    }

    private static HashSet<int> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(match => int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"(?<!\{)\{(?<index>\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
