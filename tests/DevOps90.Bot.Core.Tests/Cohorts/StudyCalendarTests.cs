using DevOps90.Bot.Core.Cohorts;
using static DevOps90.Bot.Core.Tests.Cohorts.Cohorts;

namespace DevOps90.Bot.Core.Tests.Cohorts;

public sealed class StudyCalendarTests
{
    [Theory]
    [InlineData("2027-01-01", 1)]
    [InlineData("2027-01-10", 10)]
    [InlineData("2027-03-31", 90)]
    public void PositionOn_DailyCohort_CountsEveryDayFromTheStart(string date, int expected)
    {
        var calendar = new StudyCalendar(Make("2027-01-01"), 90);

        var position = calendar.PositionOn(D(date));

        Assert.Equal(new CalendarPosition(CalendarPhase.InProgress, expected, true, 0), position);
    }

    [Fact]
    public void PositionOn_BeforeTheStart_SaysHowManyDaysRemain()
    {
        var calendar = new StudyCalendar(Make("2027-01-01"), 90);

        Assert.Equal(new CalendarPosition(CalendarPhase.NotStarted, 0, false, 36), calendar.PositionOn(D("2026-11-26")));
    }

    [Fact]
    public void PositionOn_DayAfterTheLastLesson_IsFinished()
    {
        var calendar = new StudyCalendar(Make("2027-01-01"), 90);

        Assert.Equal(CalendarPhase.Finished, calendar.PositionOn(D("2027-04-01")).Phase);
        Assert.Equal(90, calendar.PositionOn(D("2027-06-01")).LessonDay);
    }

    [Fact]
    public void PositionOn_WeekdayCohort_WeekendsKeepFridaysLesson()
    {
        // 2027-01-04 is a Monday.
        var calendar = new StudyCalendar(Make("2027-01-04", cadence: Cadence.Weekdays), 90);

        Assert.Equal(5, calendar.PositionOn(D("2027-01-08")).LessonDay);
        Assert.Equal(new CalendarPosition(CalendarPhase.InProgress, 5, false, 0), calendar.PositionOn(D("2027-01-09")));
        Assert.Equal(5, calendar.PositionOn(D("2027-01-10")).LessonDay);
        Assert.Equal(6, calendar.PositionOn(D("2027-01-11")).LessonDay);
        Assert.Equal(D("2027-01-11"), calendar.NextStudyDay(D("2027-01-08")));
    }

    [Fact]
    public void PositionOn_StartOnASaturdayForAWeekdayCohort_StartsOnMonday()
    {
        var calendar = new StudyCalendar(Make("2027-01-02", cadence: Cadence.Weekdays), 90);

        Assert.Equal(new CalendarPosition(CalendarPhase.NotStarted, 0, false, 1), calendar.PositionOn(D("2027-01-03")));
        Assert.Equal(1, calendar.PositionOn(D("2027-01-04")).LessonDay);
    }

    [Fact]
    public void PositionOn_SkippedDate_IsNotCounted()
    {
        var cohort = Make("2027-01-04") with { SkippedDates = [D("2027-01-06")] };
        var calendar = new StudyCalendar(cohort, 90);

        Assert.False(calendar.PositionOn(D("2027-01-06")).IsStudyDay);
        Assert.Equal(2, calendar.PositionOn(D("2027-01-06")).LessonDay);
        Assert.Equal(3, calendar.PositionOn(D("2027-01-07")).LessonDay);
        Assert.Equal(D("2027-01-07"), calendar.DateOfLesson(3));
    }

    [Fact]
    public void PositionOn_PauseThenResume_FreezesTheCountWhilePaused()
    {
        var cohort = Make("2027-01-01").PausedFrom(D("2027-01-11")).ResumedOn(D("2027-01-16"));
        var calendar = new StudyCalendar(cohort, 90);

        Assert.Equal(10, calendar.PositionOn(D("2027-01-10")).LessonDay);
        Assert.Equal(10, calendar.PositionOn(D("2027-01-15")).LessonDay);
        Assert.Equal(11, calendar.PositionOn(D("2027-01-16")).LessonDay);
        Assert.False(cohort.IsPaused);
    }

    [Fact]
    public void NextStudyDay_PausedForGood_IsNull()
    {
        var calendar = new StudyCalendar(Make("2027-01-01").PausedFrom(D("2027-01-05")), 90);

        Assert.True(calendar.Cohort.IsPaused);
        Assert.Null(calendar.NextStudyDay(D("2027-01-10")));
        Assert.Equal(4, calendar.PositionOn(D("2027-02-01")).LessonDay);
    }

    [Theory]
    [InlineData("Europe/Paris", "2027-03-27T22:59:59Z", "2027-03-27")]
    [InlineData("Europe/Paris", "2027-03-27T23:00:00Z", "2027-03-28")]
    [InlineData("Europe/Paris", "2027-03-28T21:59:59Z", "2027-03-28")]
    [InlineData("Europe/Paris", "2027-03-28T22:00:00Z", "2027-03-29")]
    [InlineData("Europe/Paris", "2027-10-30T21:59:59Z", "2027-10-30")]
    [InlineData("Europe/Paris", "2027-10-31T22:59:59Z", "2027-10-31")]
    [InlineData("Europe/Paris", "2027-10-31T23:00:00Z", "2027-11-01")]
    [InlineData("America/New_York", "2027-03-14T04:59:59Z", "2027-03-13")]
    [InlineData("America/New_York", "2027-03-15T03:59:59Z", "2027-03-14")]
    [InlineData("America/New_York", "2027-03-15T04:00:00Z", "2027-03-15")]
    [InlineData("America/New_York", "2027-11-08T04:59:59Z", "2027-11-07")]
    [InlineData("America/New_York", "2027-11-08T05:00:00Z", "2027-11-08")]
    public void LocalDate_AroundDaylightSavingChanges_IsTheZonesCalendarDate(string zone, string instant, string expected)
    {
        var date = StudyCalendar.LocalDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(D(expected), date);
    }

    [Theory]
    [InlineData("Europe/Paris", "2027-03-20", "2027-03-28", 9)]
    [InlineData("Europe/Paris", "2027-10-25", "2027-11-01", 8)]
    [InlineData("America/New_York", "2027-03-10", "2027-03-15", 6)]
    [InlineData("America/New_York", "2027-11-01", "2027-11-08", 8)]
    public void PositionOn_AcrossDaylightSavingChange_NeverShiftsADay(string zone, string start, string date, int expected)
    {
        var calendar = new StudyCalendar(Make(start, zone), 90);

        Assert.Equal(expected, calendar.PositionOn(D(date)).LessonDay);
    }
}
