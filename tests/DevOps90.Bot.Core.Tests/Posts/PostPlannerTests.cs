using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Posts;
using static DevOps90.Bot.Core.Tests.Cohorts.Cohorts;

namespace DevOps90.Bot.Core.Tests.Posts;

public sealed class PostPlannerTests
{
    [Fact]
    public void PostOn_EveOfTheStart_AnnouncesDayOne()
    {
        var calendar = new StudyCalendar(Make("2027-01-01"), 90);

        var post = PostPlanner.PostOn(calendar, D("2026-12-31"))!;

        Assert.Equal((PostKind.Lesson, 1, D("2027-01-01")), (post.Kind, post.LessonDay, post.StudyDate));
        Assert.Equal(DateTimeOffset.Parse("2026-12-31T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture), post.PostAt);
        Assert.Null(PostPlanner.PostOn(calendar, D("2026-12-30")));
    }

    [Fact]
    public void PostOn_WeekdayCohortFridayEvening_AnnouncesMondaysLessonAndWeekendIsQuiet()
    {
        var calendar = new StudyCalendar(Make("2027-01-04", cadence: Cadence.Weekdays), 90);

        var friday = PostPlanner.PostOn(calendar, D("2027-01-08"))!;

        Assert.Equal((6, D("2027-01-11")), (friday.LessonDay, friday.StudyDate));
        Assert.Null(PostPlanner.PostOn(calendar, D("2027-01-09")));
        Assert.Null(PostPlanner.PostOn(calendar, D("2027-01-10")));
        Assert.Equal(D("2027-01-11"), PostPlanner.NextPostAfter(calendar, D("2027-01-08"))!.PostDate);
    }

    [Fact]
    public void PostOn_LastStudyDayEvening_IsTheClosingPostThenNothing()
    {
        var calendar = new StudyCalendar(Make("2027-01-01"), 90);

        var closing = PostPlanner.PostOn(calendar, D("2027-03-31"))!;

        Assert.Equal(PostKind.Closing, closing.Kind);
        Assert.Equal(90, PostPlanner.PostOn(calendar, D("2027-03-30"))!.LessonDay);
        Assert.Null(PostPlanner.PostOn(calendar, D("2027-04-01")));
        Assert.Null(PostPlanner.NextPostAfter(calendar, D("2027-03-31")));
    }

    [Fact]
    public void PostOn_MorningCohort_PostsEachStudyDaysOwnLessonAndClosesTheMorningAfter()
    {
        var cohort = Make("2027-01-01") with { PostTiming = PostTiming.SameDay, PostTime = new TimeOnly(8, 0) };
        var calendar = new StudyCalendar(cohort, 90);

        Assert.Null(PostPlanner.PostOn(calendar, D("2026-12-31")));
        Assert.Equal((1, D("2027-01-01")), PostPlanner.PostOn(calendar, D("2027-01-01")) is { } first ? (first.LessonDay, first.StudyDate) : default);
        Assert.Equal(90, PostPlanner.PostOn(calendar, D("2027-03-31"))!.LessonDay);
        Assert.Equal(PostKind.Closing, PostPlanner.PostOn(calendar, D("2027-04-01"))!.Kind);
        Assert.Null(PostPlanner.PostOn(calendar, D("2027-04-02")));
    }

    [Fact]
    public void PostOn_SkippedDateAhead_AnnouncesTheStudyDayAfterIt()
    {
        var cohort = Make("2027-01-01") with { SkippedDates = [D("2027-01-06")] };
        var calendar = new StudyCalendar(cohort, 90);

        var tuesday = PostPlanner.PostOn(calendar, D("2027-01-05"))!;

        Assert.Equal((6, D("2027-01-07")), (tuesday.LessonDay, tuesday.StudyDate));
        Assert.Null(PostPlanner.PostOn(calendar, D("2027-01-06")));
    }

    [Fact]
    public void PostOn_Paused_HasNoPost()
    {
        var calendar = new StudyCalendar(Make("2027-01-01").PausedFrom(D("2027-01-05")), 90);

        Assert.Null(PostPlanner.PostOn(calendar, D("2027-01-06")));
        Assert.Null(PostPlanner.NextPostAfter(calendar, D("2027-01-06")));
    }

    [Fact]
    public void PostOn_AcrossSpringChange_KeepsEighteenHundredLocal()
    {
        var calendar = new StudyCalendar(Make("2027-03-20"), 90);

        var before = PostPlanner.PostOn(calendar, D("2027-03-27"))!;
        var after = PostPlanner.PostOn(calendar, D("2027-03-28"))!;

        Assert.Equal((9, 10), (before.LessonDay, after.LessonDay));
        Assert.Equal(TimeSpan.FromHours(23), after.PostAt - before.PostAt);
    }
}
