using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Slack.Rendering;
using DevOps90.Bot.Slack.Tests.Contract;
using DevOps90.Bot.Slack.Tests.Publishing;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Slack.Tests.Rendering;

/// <summary>
/// Every lesson of the bundled curriculum (and of the upstream corpus when shared/ is present), as a daily post and as
/// a /day reply: within Slack's limits, every resource shown when they fit, and what the publisher sends valid
/// against chat.postMessage's schema.
/// </summary>
public sealed class BundledLessonRenderingTests
{
    private static readonly Lazy<CurriculumIndex> _bundled = new(() => ContentLoader.Load([new ContentSourceOptions { Path = RepositoryPaths.Content }]));
    private static readonly Lazy<CurriculumIndex> _upstream = new(() => ContentLoader.Load([new ContentSourceOptions { Path = RepositoryPaths.Corpus }]));

    public static TheoryData<string> Languages() => ["en", "fr"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Render_EveryBundledLesson_FitsAndShowsAllItsResources(string language)
    {
        AssertEveryLessonFits(_bundled.Value, language);
    }

    [SkippableFact]
    public void Render_EveryUpstreamLesson_FitsAndShowsAllItsResources()
    {
        Skip.IfNot(RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);

        AssertEveryLessonFits(_upstream.Value, "en");
    }

    [SkippableTheory]
    [MemberData(nameof(Languages))]
    public async Task Publish_EveryBundledLesson_IsAValidPostMessageRequest(string language)
    {
        Skip.IfNot(SlackContract.Available, SlackContract.MissingMessage);

        await AssertEveryPostIsValidAsync(_bundled.Value, language);
    }

    [SkippableFact]
    public async Task Publish_EveryUpstreamLesson_IsAValidPostMessageRequest()
    {
        Skip.IfNot(SlackContract.Available && RepositoryPaths.HasShared, RepositoryPaths.SharedMissingMessage);

        await AssertEveryPostIsValidAsync(_upstream.Value, "en");
    }

    private static void AssertEveryLessonFits(CurriculumIndex index, string language)
    {
        var curriculum = index.Find("2022", language)!;
        Assert.NotEmpty(curriculum.Lessons);
        foreach (var (what, reply) in Replies(index, language))
        {
            var message = SlackRenderer.Render(reply, "S0COHORT");
            SlackLimitsCheck.AssertWithin(message, what);
            var lesson = curriculum.FindDay(int.Parse(what.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));
            if (lesson is not null && !what.StartsWith("closing", StringComparison.Ordinal))
            {
                var shown = string.Join('\n', message.Blocks.SelectMany(block => SlackLimitsCheck.Texts(block!)));
                Assert.All(lesson.Resources, resource => Assert.Contains(SlackMrkdwn.Link(resource.Url, "").TrimStart('<').TrimEnd('>'), shown, StringComparison.Ordinal));
            }
        }
    }

    private static async Task AssertEveryPostIsValidAsync(CurriculumIndex index, string language)
    {
        var slack = new RecordingSlackApi();
        var publisher = new SlackPublisher(slack);
        foreach (var (what, reply) in Replies(index, language))
        {
            var result = await publisher.PublishAsync(new ChatTarget("slack", "C0LESSONS"), reply, "d90-" + what, "S0COHORT");
            Assert.Equal(Core.Delivery.PublishOutcome.Sent, result.Outcome);
            var errors = SlackContract.Errors("chat.postMessage.schema.json", slack.Calls[^1].Arguments.ToJsonString());
            Assert.True(errors.Count == 0, $"{what}: {string.Join(Environment.NewLine, errors)}");
        }
    }

    // Each lesson as /day shows it and as the daily post announcing it, then the closing post.
    private static IEnumerable<(string What, Reply Reply)> Replies(CurriculumIndex index, string language)
    {
        var curriculum = index.Find("2022", language)!;
        var text = BotText.For(language);
        var cohort = new Cohort
        {
            Id = new CohortId("slack-test"),
            CurriculumId = "2022",
            Language = language,
            StartDate = new DateOnly(2027, 1, 4),
            TimeZoneId = "Europe/Paris",
        };
        var lastDay = curriculum.Lessons.Max(lesson => lesson.Day);
        var calendar = new StudyCalendar(cohort, lastDay);
        var composer = new DailyPostComposer(index, new BotDefaults("2022", language, "Europe/Paris"));
        foreach (var lesson in curriculum.Lessons)
        {
            yield return ($"/day {lesson.Day}", LessonReplies.Lesson(text, index.FindLesson("2022", language, lesson.Day), language, lastDay) with { Language = language });

            var post = PostPlanner.PostOn(calendar, cohort.StartDate.AddDays(lesson.Day - 2))!;
            Assert.Equal(lesson.Day, post.LessonDay);
            yield return ($"post {lesson.Day}", composer.Compose(calendar, post));
        }

        var closing = PostPlanner.PostOn(calendar, cohort.StartDate.AddDays(lastDay - 1))!;
        Assert.Equal(PostKind.Closing, closing.Kind);
        yield return ($"closing {lastDay}", composer.Compose(calendar, closing));
    }
}
