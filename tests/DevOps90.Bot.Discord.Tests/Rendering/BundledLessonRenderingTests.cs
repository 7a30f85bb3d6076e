using System.Text.Json;
using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rendering;
using DevOps90.Bot.Discord.Tests.Contract;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Discord.Tests.Rendering;

/// <summary>Every bundled lesson, in both languages, rendered as the bot would post it: within limits and valid.</summary>
public sealed class BundledLessonRenderingTests
{
    private static readonly Lazy<CurriculumIndex> _index = new(() => ContentLoader.Load([new ContentSourceOptions { Path = RepositoryPaths.Content }]));

    public static TheoryData<string> Languages() => ["en", "fr"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Render_EveryLesson_FitsAndKeepsAllItsResourcesWhenTheyFit(string language)
    {
        var curriculum = _index.Value.Find("2022", language)!;
        var text = BotText.For(language);

        Assert.All(curriculum.Lessons, lesson =>
        {
            var reply = LessonReplies.Lesson(text, _index.Value.FindLesson("2022", language, lesson.Day), language, 90) with { Language = language };
            var embed = Assert.Single(DiscordRenderer.Render(reply).Embeds!);

            var total = embed.Title!.Length + embed.Description!.Length + (embed.Footer?.Text.Length ?? 0) + (embed.Fields ?? []).Sum(field => field.Name.Length + field.Value.Length);
            Assert.True(total <= DiscordLimits.EmbedsTotal && embed.Description.Length <= DiscordLimits.EmbedDescription, $"day {lesson.Day}: {total}");
            Assert.All(lesson.Resources, resource => Assert.Contains(resource.Url, embed.Description, StringComparison.Ordinal));
        });
    }

    [SkippableFact]
    public void Render_LongestLessons_AreValidMessageCreateRequests()
    {
        Skip.IfNot(DiscordContract.Available, DiscordContract.MissingMessage);
        var longest = _index.Value.Find("2022", "fr")!.Lessons.OrderByDescending(lesson => lesson.Summary.Length + lesson.Resources.Sum(resource => resource.Title.Length + resource.Url.Length)).Take(3);

        Assert.All(longest, lesson =>
        {
            var reply = LessonReplies.Lesson(BotText.For("fr"), _index.Value.FindLesson("2022", "fr", lesson.Day), "fr", 90);
            var json = JsonSerializer.Serialize(DiscordRenderer.Render(reply) with { Nonce = "d90-0000", EnforceNonce = true }, DiscordJsonContext.Default.MessagePayload);
            Assert.Empty(DiscordContract.Errors("MessageCreateRequest", json));
        });
    }
}
