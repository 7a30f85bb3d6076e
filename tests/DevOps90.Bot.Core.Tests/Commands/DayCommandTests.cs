namespace DevOps90.Bot.Core.Tests.Commands;

public sealed class DayCommandTests
{
    private readonly CommandFixture _bot = new();

    [Theory]
    [InlineData("en", "Day 2 — Responsibilities of a DevOps Engineer", "Day 2 of 6")]
    [InlineData("fr", "Jour 2 — Responsabilités d'un Ingénieur DevOps", "Jour 2 sur 6")]
    public void Day_ExistingDay_ShowsTheLessonInTheMembersLanguage(string language, string title, string footer)
    {
        var reply = _bot.Ask("day", language, null, ("number", "2"));

        Assert.Equal(title, reply.Title);
        Assert.Equal("https://example.org/lessons/day02", reply.TitleUrl);
        Assert.StartsWith(footer, reply.Footer, StringComparison.Ordinal);
        Assert.Contains($"in {language}", reply.Paragraphs[^1].ToString(), StringComparison.Ordinal);
        Assert.Equal(["https://example.org/2/video", "https://example.org/guide", "https://example.org/lessons/day02"], reply.LinkLists[0].Links.Select(link => link.Url));
        Assert.Equal(["day 1", "day 3"], reply.Buttons.Select(button => button.Command));
        Assert.False(reply.IsError);
    }

    [Theory]
    [InlineData("en", "There is no day 95. Choose a day from 1 to 6.")]
    [InlineData("fr", "Il n'y a pas de jour 95. Choisissez un jour entre 1 et 6.")]
    public void Day_OutsideTheCurriculum_NamesTheValidRangePrivately(string language, string message)
    {
        var reply = _bot.Ask("day", language, null, ("number", "95"));

        Assert.True(reply.IsError);
        Assert.True(reply.IsPrivate);
        Assert.Equal(message, Assert.Single(reply.Paragraphs));
    }

    [Theory]
    [InlineData("en", "“two” is not a day number. Choose a day from 1 to 6.")]
    [InlineData("fr", "« two » n'est pas un numéro de jour. Choisissez un jour entre 1 et 6.")]
    public void Day_NotANumber_SaysSo(string language, string message)
    {
        Assert.Equal(message, Assert.Single(_bot.Ask("day", language, null, ("number", "two")).Paragraphs));
    }

    [Fact]
    public void Day_Missing_AsksWhichDay()
    {
        var reply = _bot.Ask("day", "en");

        Assert.True(reply.IsError);
        Assert.Equal("Which day? Choose a day from 1 to 6, e.g. /day 1.", Assert.Single(reply.Paragraphs));
    }

    [Theory]
    [InlineData("fr", "Le jour 5 n'est pas encore disponible en français ; le voici en anglais.")]
    [InlineData("fr-CA", "Le jour 5 n'est pas encore disponible en français ; le voici en anglais.")]
    public void Day_NotTranslatedYet_FallsBackToEnglishAndSaysSo(string language, string note)
    {
        var reply = _bot.Ask("day", language, null, ("number", "5"));

        Assert.Equal("Jour 5 — Docker Compose", reply.Title);
        Assert.Equal(note, reply.Paragraphs[0]);
    }

    [Fact]
    public void Day_CohortForcedLanguage_WinsOverTheMembersLocale()
    {
        _bot.Cohorts.Upsert(_bot.Cohorts.Find(CommandFixture.Daily)! with { Language = "fr" });

        var reply = _bot.Ask("day", "en-US", CommandFixture.Daily, ("number", "1"));

        Assert.Equal("Jour 1 — Introduction", reply.Title);
    }

    [Fact]
    public void Unknown_Command_IsAnErrorInTheMembersLanguage()
    {
        var reply = _bot.Ask("frobnicate", "fr");

        Assert.True(reply.IsError);
        Assert.Equal("Commande inconnue « frobnicate ». Tapez /help pour voir les commandes.", Assert.Single(reply.Paragraphs));
    }
}
