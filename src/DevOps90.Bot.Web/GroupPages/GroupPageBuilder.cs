using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Posts;

namespace DevOps90.Bot.Web.GroupPages;

/// <summary>
/// Gathers a group's page from what the bot already knows: <c>/today</c> and <c>/tomorrow</c> as the group would get
/// them (through the dispatcher, so the page says exactly what the chat says), the calendar, the next post and the
/// week's leaderboard without hidden members. Null for a group that does not exist or keeps its page off.
/// </summary>
internal sealed class GroupPageBuilder(
    ICohortDirectory cohorts,
    CommandDispatcher dispatcher,
    ParticipationService participation,
    DailyPostService delivery,
    ContentLibrary content,
    TimeProvider time)
{
    /// <summary>The name a request from the page carries: no member, no platform.</summary>
    private const string Visitor = "web";

    public async Task<GroupPageView?> BuildAsync(CohortId id, CancellationToken cancellationToken = default)
    {
        if (cohorts.Find(id) is not { PublicPage: true } cohort)
        {
            return null;
        }

        var index = content.Current;
        var scope = dispatcher.ScopeFor(new CommandRequest { Command = CommandNames.Today, CohortId = id, MemberId = Visitor });
        var text = scope.Text;
        var today = await dispatcher.DispatchAsync(scope.Request, cancellationToken).ConfigureAwait(false);
        var next = await dispatcher.DispatchAsync(scope.Request with { Command = CommandNames.Tomorrow }, cancellationToken).ConfigureAwait(false);
        var leaderboard = await participation.PublicLeaderboardAsync(cohort, LeaderboardPeriod.Week, cancellationToken: cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var calendar = delivery.CalendarFor(cohort, index);
        var post = calendar is null || cohort.IsPaused ? null : PostPlanner.NextPostAfter(calendar, now);
        var edition = index.FindBest(cohort.CurriculumId, scope.Language)?.Title ?? cohort.CurriculumId;
        return new GroupPageView(
            cohort.Id.Value,
            text,
            edition,
            text.LanguageName(scope.Language),
            today,
            next,
            post is null ? null : new NextPostView(post.PostAt, text.DateAndTime(TimeZoneInfo.ConvertTime(post.PostAt, cohort.TimeZone).DateTime), cohort.TimeZoneId),
            leaderboard,
            calendar is null ? [] : GroupCalendar.Cells(calendar, scope.Today),
            ValidUntil(cohort, scope.Today, post, now));
    }

    /// <summary>
    /// The page changes by itself at the group's midnight (the calendar's today), at the grace cutoff (the lesson day
    /// and week the leaderboard counts) and when the next post goes out (the next one is then another).
    /// </summary>
    private DateTimeOffset ValidUntil(Cohort cohort, DateOnly today, PlannedPost? post, DateTimeOffset now)
    {
        var midnight = ParticipationClock.StartOf(today.AddDays(1), cohort.TimeZone);
        var studyDate = ParticipationClock.StudyDate(cohort, now, participation.GraceCutoff);
        var cutoff = ParticipationClock.StudyStartOf(studyDate.AddDays(1), cohort, participation.GraceCutoff);
        var until = midnight < cutoff ? midnight : cutoff;
        return post is not null && post.PostAt < until ? post.PostAt : until;
    }
}
