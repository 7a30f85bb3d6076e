using DevOps90.Bot.Core.Localization;

namespace DevOps90.Bot.Core.Tests.Localization;

public sealed class BotTextTests
{
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
}
