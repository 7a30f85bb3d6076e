using DevOps90.Bot.Core.Curricula;
using static DevOps90.Bot.Content.Tests.Bundled.BundledCurriculum;

namespace DevOps90.Bot.Content.Tests.Bundled;

/// <summary>
/// Each day's post must fit the platforms: a Discord embed (title 256, description 4096, 6000 in all) and a Slack
/// section (3000). This measures the plain parts a post is made of; the renderers will enforce the limits themselves.
/// </summary>
public sealed class PostSizeTests
{
    public static TheoryData<string> Languages() => ["en", "fr"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Lessons_EveryDay_FitADiscordEmbed(string language)
    {
        var tooLarge = Ours.Find("2022", language)!.Lessons
            .Select(lesson => (lesson.Day, Title: $"Day {lesson.Day} — {lesson.Title}".Length, Description: Description(lesson).Length))
            .Where(size => size.Title > 256 || size.Description > 4096 || size.Title + size.Description > 6000)
            .ToList();

        Assert.Empty(tooLarge);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Lessons_SummaryAndKeyPoints_FitASlackSection(string language)
    {
        var tooLarge = Ours.Find("2022", language)!.Lessons
            .Where(lesson => (lesson.Summary.Length + lesson.KeyPoints.Sum(point => point.Length + 3)) > 3000)
            .Select(lesson => lesson.Day);

        Assert.Empty(tooLarge);
    }

    private static string Description(Lesson lesson) =>
        string.Join('\n', [
            $"**{lesson.Topic}**",
            lesson.Summary,
            .. lesson.KeyPoints.Select(point => $"• {point}"),
            .. lesson.Resources.Select(resource => $"• [{resource.Title}]({resource.Url})"),
            $"[Read the full lesson]({lesson.LessonUrl})",
        ]);
}
