using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Web.GroupPages;

namespace DevOps90.Bot.Web.Tests.GroupPages;

public sealed class GroupCalendarTests
{
    private static readonly Cohort _cohort = new()
    {
        Id = new CohortId("g"),
        CurriculumId = "2022",
        StartDate = new DateOnly(2027, 1, 4),
        TimeZoneId = "Europe/Paris",
        Cadence = Cadence.Weekdays,
        SkippedDates = [new DateOnly(2027, 1, 6)],
        Pauses = [new PausePeriod(new DateOnly(2027, 1, 12), new DateOnly(2027, 1, 14))],
    };

    [Fact]
    public void Cells_WeekdaysWithASkipAndAPause_SayWhatEachDateIsAndWhereItStands()
    {
        var cells = GroupCalendar.Cells(new StudyCalendar(_cohort, 6), new DateOnly(2027, 1, 8));

        Assert.Equal(
        [
            new CalendarCell(new DateOnly(2027, 1, 4), CellKind.Study, CellWhen.Past, 1),
            new CalendarCell(new DateOnly(2027, 1, 5), CellKind.Study, CellWhen.Past, 2),
            new CalendarCell(new DateOnly(2027, 1, 6), CellKind.Skipped, CellWhen.Past, null),
            new CalendarCell(new DateOnly(2027, 1, 7), CellKind.Study, CellWhen.Past, 3),
            new CalendarCell(new DateOnly(2027, 1, 8), CellKind.Study, CellWhen.Today, 4),
            new CalendarCell(new DateOnly(2027, 1, 9), CellKind.Rest, CellWhen.Upcoming, null),
            new CalendarCell(new DateOnly(2027, 1, 10), CellKind.Rest, CellWhen.Upcoming, null),
            new CalendarCell(new DateOnly(2027, 1, 11), CellKind.Study, CellWhen.Next, 5),
            new CalendarCell(new DateOnly(2027, 1, 12), CellKind.Paused, CellWhen.Upcoming, null),
            new CalendarCell(new DateOnly(2027, 1, 13), CellKind.Paused, CellWhen.Upcoming, null),
            new CalendarCell(new DateOnly(2027, 1, 14), CellKind.Study, CellWhen.Upcoming, 6),
        ],
        cells);
    }

    [Fact]
    public void Cells_PausedForGood_StopAtTodayWithNoNextDay()
    {
        var paused = _cohort with { Pauses = [new PausePeriod(new DateOnly(2027, 1, 7), null)] };

        var cells = GroupCalendar.Cells(new StudyCalendar(paused, 6), new DateOnly(2027, 1, 8));

        Assert.Equal(new DateOnly(2027, 1, 8), cells[^1].Date);
        Assert.DoesNotContain(cells, cell => cell.When == CellWhen.Next);
        Assert.Equal(CellKind.Paused, cells[^1].Kind);
    }
}
