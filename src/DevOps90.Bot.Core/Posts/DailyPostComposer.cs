using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Posts;

/// <summary>
/// What a daily post says: the lesson it announces (headed "Tomorrow — Day 3: ..." or "Monday — Day 3: ..."), or
/// the closing words; with the next post's time shown to each reader in their own zone.
/// </summary>
public sealed class DailyPostComposer(ContentLibrary content, BotDefaults defaults, GroupPageAddress? pages = null)
{
    /// <param name="index">The index the caller planned the post with; the current one when not given.</param>
    public Reply Compose(StudyCalendar calendar, PlannedPost post, CurriculumIndex? index = null)
    {
        var cohort = calendar.Cohort;
        var language = cohort.Language ?? defaults.Language;
        var text = LanguageChoice.TextFor(language, defaults.Language);
        var next = PostPlanner.NextPostAfter(calendar, post.PostDate);
        var moment = next is null ? null : new ReplyMoment(text["Post.NextPost"], next.PostAt, cohort.TimeZoneId);

        if (post.Kind == PostKind.Closing)
        {
            return new Reply
            {
                Title = text.Format("Post.Closing.Title", calendar.LastDay),
                Paragraphs = [text["Post.Closing.Text"]],
                Language = text.Language,
            };
        }

        var lookup = (index ?? content.Current).FindLesson(cohort.CurriculumId, language, post.LessonDay);
        if (!lookup.IsFound)
        {
            return Reply.Error(text.Format("Error.DayNotWritten", post.LessonDay));
        }

        var lesson = lookup.Lesson!;
        return LessonReplies.Lesson(text, lookup, language, calendar.LastDay, Heading(text, post, lesson)) with
        {
            Moment = moment,
            // One button: members check in from the post itself; the lesson's own navigation stays in /day.
            Buttons = [new ReplyButton(text.Format("Post.DoneButton", lesson.Day), Command: $"{CommandNames.Done} {lesson.Day}"), .. PageButton(text, cohort)],
            Language = text.Language,
        };
    }

    /// <summary>
    /// The name of the discussion thread a lesson's post opens ("Day 3 — Responsibilities of a DevOps Engineer"), in
    /// the group's language; null for the closing post, which opens none. Platforms cut it to their own limit.
    /// </summary>
    public string? ThreadName(StudyCalendar calendar, PlannedPost post, CurriculumIndex? index = null)
    {
        if (post.Kind == PostKind.Closing)
        {
            return null;
        }

        var language = calendar.Cohort.Language ?? defaults.Language;
        var text = LanguageChoice.TextFor(language, defaults.Language);
        var lookup = (index ?? content.Current).FindLesson(calendar.Cohort.CurriculumId, language, post.LessonDay);
        return lookup.IsFound ? text.Format("Thread.Name", post.LessonDay, lookup.Lesson!.Title) : text.Format("Thread.NameDay", post.LessonDay);
    }

    /// <summary>A link to the group's web page, when it has one.</summary>
    private IEnumerable<ReplyButton> PageButton(BotText text, Cohort cohort) =>
        pages?.For(cohort) is { } page ? [new ReplyButton(text["Page.Link"], Url: page.ToString())] : [];

    private static string Heading(BotText text, PlannedPost post, Lesson lesson)
    {
        if (post.StudyDate == post.PostDate)
        {
            return text.Format("Post.Today", lesson.Day, lesson.Title);
        }

        return post.StudyDate == post.PostDate.AddDays(1)
            ? text.Format("Post.Tomorrow", lesson.Day, lesson.Title)
            : text.Format("Post.NextStudyDay", Capitalized(text, post.StudyDate!.Value), lesson.Day, lesson.Title);
    }

    private static string Capitalized(BotText text, DateOnly date)
    {
        var day = date.ToString("dddd", text.Culture);
        return char.ToUpper(day[0], text.Culture) + day[1..];
    }
}
