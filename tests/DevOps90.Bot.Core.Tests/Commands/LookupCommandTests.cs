namespace DevOps90.Bot.Core.Tests.Commands;

public sealed class LookupCommandTests
{
    private readonly CommandFixture _bot = new("2027-01-03T12:00:00Z");

    [Fact]
    public void Resources_Day_ListsItsLinksThenTheFullLesson()
    {
        var reply = _bot.Ask("resources", "en", null, ("day", "4"));

        Assert.Equal("Resources — day 4: Kubernetes Basics", reply.Title);
        Assert.Equal(["Video for day 4", "Shared guide", "Read the full lesson"], reply.LinkLists.Single().Links.Select(link => link.Title));
    }

    [Fact]
    public void Resources_NoDayInACohort_UsesTodaysLesson()
    {
        Assert.Equal("Ressources — jour 3 : Cycle de vie DevOps", _bot.Ask("resources", "fr", CommandFixture.Daily).Title);
    }

    [Fact]
    public void Resources_NoDayOutsideACohort_AsksForOne()
    {
        var reply = _bot.Ask("resources", "en");

        Assert.True(reply.IsError);
        Assert.Equal("Which day? Choose a day from 1 to 6, e.g. /day 1.", Assert.Single(reply.Paragraphs));
    }

    [Theory]
    [InlineData("containers")]
    [InlineData("CONTAIN")]
    public void Resources_Topic_ListsEveryDayOfIt(string topic)
    {
        var reply = _bot.Ask("resources", "en", null, ("topic", topic));

        Assert.Equal("Resources — Containers (days 4–6)", reply.Title);
        Assert.Equal(["Day 4: Kubernetes Basics", "Day 5: Docker Compose", "Day 6: Résumé Writing for Engineers"], reply.LinkLists.Select(list => list.Heading));
    }

    [Fact]
    public void Resources_Topic_ListsEachLinkOnceUnderTheFirstDayItAppears()
    {
        var reply = _bot.Ask("resources", "en", null, ("topic", "containers"));

        // The shared guide is on every day of the sample; it is listed under day 4 only.
        Assert.Equal(
            ["https://example.org/4/video", "https://example.org/guide", "https://example.org/5/video", "https://example.org/6/video"],
            reply.LinkLists.SelectMany(list => list.Links).Select(link => link.Url));
        Assert.Equal(["https://example.org/4/video", "https://example.org/guide"], reply.LinkLists[0].Links.Select(link => link.Url));
    }

    [Fact]
    public void Resources_UnknownTopic_SaysSoInFrench()
    {
        var reply = _bot.Ask("resources", "fr", null, ("topic", "quantique"));

        Assert.True(reply.IsError);
        Assert.Equal("Aucun thème ne correspond à « quantique ». Tapez /topics pour tous les voir.", Assert.Single(reply.Paragraphs));
    }

    [Theory]
    [InlineData("en", "Days 4–6: Containers")]
    [InlineData("fr", "Jours 4 à 6 : Conteneurs")]
    public void Topics_ListsRangesInTheMembersLanguage(string language, string lastLine)
    {
        var reply = _bot.Ask("topics", language);

        Assert.EndsWith(lastLine, Assert.Single(reply.Paragraphs).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Day 1: Introduction", "Resources — Introduction (day 1)")]
    [InlineData("fr", "Jour 1 : Introduction", "Ressources — Introduction (jour 1)")]
    public void Topics_OneDayTopic_IsNamedInTheSingular(string language, string firstLine, string resourcesTitle)
    {
        var topics = _bot.Ask("topics", language);
        var resources = _bot.Ask("resources", language, null, ("topic", "introduction"));

        Assert.Equal(firstLine, Assert.Single(topics.Paragraphs).ToString().Split('\n')[0]);
        Assert.Equal(resourcesTitle, resources.Title);
    }

    [Fact]
    public void Today_BeforeAStartInTheNextYear_GivesTheYearOfTheDate()
    {
        var bot = new CommandFixture("2026-12-28T12:00:00Z");

        var reply = bot.Ask("today", "fr", CommandFixture.Daily);

        Assert.Contains("le vendredi 1 janvier 2027", Assert.Single(reply.Paragraphs).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_TitleWordsRankFirst_AccentsAndCaseIgnored()
    {
        var reply = _bot.Ask("search", "en", null, ("query", "RESUME"));

        Assert.StartsWith("• Day 6 — Résumé Writing for Engineers", Assert.Single(reply.Paragraphs).ToString(), StringComparison.Ordinal);
        Assert.Equal("day 6", reply.Buttons[0].Command);
    }

    [Fact]
    public void Search_WordPrefix_FindsTheLesson()
    {
        var reply = _bot.Ask("search", "en", null, ("query", "kube"));

        Assert.StartsWith("• Day 4 — Kubernetes Basics", Assert.Single(reply.Paragraphs).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_AllWordsBeatSomeWords()
    {
        var reply = _bot.Ask("search", "en", null, ("query", "docker compose"));

        Assert.StartsWith("• Day 5 — Docker Compose", Assert.Single(reply.Paragraphs).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_FrenchMember_GetsFrenchLessonsThenEnglishForUntranslatedDays()
    {
        var lines = Assert.Single(_bot.Ask("search", "fr", null, ("query", "containers")).Paragraphs).ToString().Split('\n');

        Assert.Equal(6, lines.Length);
        Assert.Contains(lines, line => line.Contains("Jour 3 — Cycle de vie DevOps", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Jour 5 — Docker Compose", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "No lesson matches “zzzz”.")]
    [InlineData("fr", "Aucune leçon ne correspond à « zzzz ».")]
    public void Search_NothingFound_SaysSo(string language, string message)
    {
        Assert.Equal(message, Assert.Single(_bot.Ask("search", language, null, ("query", "zzzz")).Paragraphs));
    }

    [Fact]
    public void Search_Empty_AsksForWords()
    {
        var reply = _bot.Ask("search", "en", null, ("query", "  "));

        Assert.True(reply.IsError);
        Assert.Equal("Type a few words to search for, e.g. /search docker compose.", Assert.Single(reply.Paragraphs));
    }

    [Theory]
    [InlineData("en", "/day <number> — Show the lesson of a day")]
    [InlineData("fr", "/search <query> — Chercher dans les leçons")]
    public void Help_ListsEveryCommandWithUsage(string language, string expectedLine)
    {
        var reply = _bot.Ask("help", language);

        // Every command a member may use is listed once (not a count that changes with each new command).
        var lines = reply.Paragraphs[1].ToString().Split('\n');
        var listed = lines.Select(line => line.Split(' ', 2)[0].Trim('*').TrimStart('/')).ToList();
        Assert.Equal(_bot.Dispatcher.Commands.Where(command => !command.ForModerators).Select(command => command.Name), listed);
        Assert.Contains(expectedLine, lines);
        Assert.True(reply.IsPrivate);
    }

    [Fact]
    public void About_CreditsTheCurriculumAndItsLicence()
    {
        var reply = _bot.Ask("about", "fr");

        Assert.Equal("À propos de DevOps90.Bot", reply.Title);
        Assert.Contains("Michael Cade", reply.Fields[0].Value.ToString(), StringComparison.Ordinal);
        Assert.Equal(("Licence", "CC BY-NC-SA 4.0"), (reply.Fields[1].Name, reply.Fields[1].Value));
    }
}
