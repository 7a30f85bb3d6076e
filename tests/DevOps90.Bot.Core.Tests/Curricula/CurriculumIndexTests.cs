using DevOps90.Bot.Core.Curricula;
using static DevOps90.Bot.Core.Tests.Curricula.CurriculumBuilder;

namespace DevOps90.Bot.Core.Tests.Curricula;

public sealed class CurriculumIndexTests
{
    private readonly CurriculumIndex _index = new([
        Make("2022", "fr", [1, 2, 4], unavailable: [4]),
        Make("2022", "en", 1, 2, 3, 4, 5, 6),
        Make("2022", "pt-br", 1),
        Make("2023", "en", 1, 2),
    ]);

    [Fact]
    public void FindLesson_DayInRequestedLanguage_IsFound()
    {
        var lookup = _index.FindLesson("2022", "fr", 2);

        Assert.Equal(LessonLookupStatus.Found, lookup.Status);
        Assert.Equal("fr day 2", lookup.Lesson!.Title);
        Assert.Equal("fr", lookup.Curriculum!.Language);
    }

    [Fact]
    public void FindLesson_DayMissingInTranslation_FallsBackToDefaultLanguage()
    {
        var lookup = _index.FindLesson("2022", "fr", 3);

        Assert.Equal(LessonLookupStatus.FoundInFallbackLanguage, lookup.Status);
        Assert.Equal("en day 3", lookup.Lesson!.Title);
    }

    [Fact]
    public void FindLesson_PlaceholderInTranslation_FallsBackToDefaultLanguage()
    {
        var lookup = _index.FindLesson("2022", "fr", 4);

        Assert.Equal(LessonLookupStatus.FoundInFallbackLanguage, lookup.Status);
        Assert.Equal("en day 4", lookup.Lesson!.Title);
    }

    [Theory]
    [InlineData("pt-BR", "pt-br")]
    [InlineData("pt_br", "pt-br")]
    [InlineData("FR", "fr")]
    [InlineData("fr-CA", "fr")]
    [InlineData("de", "en")]
    [InlineData(null, "en")]
    public void FindBest_LanguageVariants_PickTheClosestCurriculum(string? requested, string expected)
    {
        Assert.Equal(expected, _index.FindBest("2022", requested)!.Language);
    }

    [Fact]
    public void FindLesson_UnknownLanguage_IsReportedAsFallback()
    {
        var lookup = _index.FindLesson("2022", "de", 1);

        Assert.Equal(LessonLookupStatus.FoundInFallbackLanguage, lookup.Status);
        Assert.Equal("en", lookup.Curriculum!.Language);
    }

    [Fact]
    public void FindLesson_DayOutsideCurriculum_SaysDayNotFound()
    {
        var lookup = _index.FindLesson("2022", "fr", 95);

        Assert.Equal(LessonLookupStatus.DayNotFound, lookup.Status);
        Assert.Null(lookup.Lesson);
        Assert.Equal("fr", lookup.Curriculum!.Language);
    }

    [Fact]
    public void FindLesson_UnknownCurriculum_SaysCurriculumNotFound()
    {
        Assert.Equal(LessonLookupStatus.CurriculumNotFound, _index.FindLesson("1999", "en", 1).Status);
    }

    [Theory]
    [InlineData("containers")]
    [InlineData("CONTAINERS")]
    [InlineData("contain")]
    public void LessonsOfTopic_NameInAnyCase_ReturnsTheTopicDays(string name)
    {
        var lessons = _index.LessonsOfTopic("2022", "en", name);

        Assert.Equal([1, 2, 3], lessons.Select(lesson => lesson.Day));
    }

    [Fact]
    public void LessonsOfTopic_AccentsIgnored_FillsMissingDaysFromDefaultLanguage()
    {
        var lessons = _index.LessonsOfTopic("2022", "fr", "reseaux et securite");

        Assert.Equal(["en day 4", "en day 5", "en day 6"], lessons.Select(lesson => lesson.Title));
    }

    [Fact]
    public void LessonsOfTopic_UnknownTopic_IsEmpty()
    {
        Assert.Empty(_index.LessonsOfTopic("2022", "en", "Quantum"));
    }

    [Fact]
    public void Curricula_AreOrderedByIdWithDefaultLanguageFirst()
    {
        Assert.Equal(
            ["2022/en", "2022/fr", "2022/pt-br", "2023/en"],
            _index.Curricula.Select(curriculum => $"{curriculum.Id}/{curriculum.Language}"));
        Assert.Equal(["2022", "2023"], _index.CurriculumIds.AsEnumerable());
    }
}
