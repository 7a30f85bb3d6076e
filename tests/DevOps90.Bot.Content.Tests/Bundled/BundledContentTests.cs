using DevOps90.Bot.Core.Curricula;
using static DevOps90.Bot.Content.Tests.Bundled.BundledCurriculum;

namespace DevOps90.Bot.Content.Tests.Bundled;

/// <summary>The bundled 2022 curriculum is complete, clean, and the same in English and French.</summary>
public sealed class BundledContentTests
{
    [Fact]
    public void Load_BundledContent_HasNoDiagnostics()
    {
        Assert.Empty(Ours.Diagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Load_EachLanguage_HasDays1To90ExactlyOnceWithEveryField(string language)
    {
        var curriculum = Ours.Find("2022", language)!;

        Assert.Equal(Enumerable.Range(1, 90), curriculum.Lessons.Select(lesson => lesson.Day));
        Assert.All(curriculum.Lessons, lesson =>
        {
            Assert.True(lesson.IsAvailable);
            Assert.False(lesson.Title.StartsWith("Day ", StringComparison.Ordinal), $"day {lesson.Day} has no title");
            Assert.NotNull(lesson.Topic);
            Assert.InRange(SentenceCount(lesson.Summary), 2, 4);
            Assert.InRange(lesson.KeyPoints.Length, 3, 5);
            Assert.NotEmpty(lesson.Resources);
            Assert.Equal($"https://github.com/MichaelCade/90DaysOfDevOps/blob/main/2022/Days/day{lesson.Day:00}.md", lesson.LessonUrl);
        });
    }

    [Fact]
    public void Load_EnglishAndFrench_ShareDaysTopicRangesAndResourceUrls()
    {
        Assert.Equal(
            English.Topics.Select(topic => (topic.FirstDay, topic.LastDay)),
            French.Topics.Select(topic => (topic.FirstDay, topic.LastDay)));
        Assert.All(English.Lessons, english =>
        {
            var french = French.FindDay(english.Day)!;
            Assert.Equal(english.Resources.Select(resource => resource.Url), french.Resources.Select(resource => resource.Url));
            Assert.NotEqual(english.Summary, french.Summary);
        });
    }

    [Fact]
    public void Load_Topics_CoverEveryDayOnce()
    {
        var covered = English.Topics.SelectMany(topic => Enumerable.Range(topic.FirstDay, topic.LastDay - topic.FirstDay + 1)).ToList();

        Assert.Equal(Enumerable.Range(1, 90), covered);
        Assert.Equal(("Learning a Programming Language", 7, 13), English.TopicOf(10) is { } topic ? (topic.Name, topic.FirstDay, topic.LastDay) : default);
        Assert.Equal("Apprendre un langage de programmation", French.TopicOf(10)!.Name);
    }

    [Fact]
    public void Load_FrenchDay2_IsTheSeedLesson()
    {
        var lesson = French.FindDay(2)!;

        Assert.Equal("Responsabilités d'un Ingénieur DevOps", lesson.Title);
        Assert.Equal(5, lesson.Resources.Length);
    }

    private static int SentenceCount(string text) =>
        text.Split([". ", "! ", "? "], StringSplitOptions.RemoveEmptyEntries).Length;
}
