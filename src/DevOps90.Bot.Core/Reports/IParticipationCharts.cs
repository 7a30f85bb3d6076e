namespace DevOps90.Bot.Core.Reports;

/// <summary>Draws participation charts as PNG images sized to be read at chat size (reports implement it).</summary>
public interface IParticipationCharts
{
    /// <summary>Check-ins of each lesson day as bars, with the members active on that lesson's date as a line.</summary>
    byte[] RenderCohort(CohortChart chart);

    /// <summary>A member's lesson days at a glance: done on time, done late, missed, still to come.</summary>
    byte[] RenderMember(MemberChart chart);
}

/// <summary>The words a chart shows, in the reader's language.</summary>
public sealed record ChartLabels(string Title, string DayAxis, string CountAxis, string CheckIns, string ActiveMembers);

/// <summary>One lesson day of a cohort chart.</summary>
public sealed record CohortChartDay(int Day, int CheckIns, int ActiveMembers);

public sealed record CohortChart(ChartLabels Labels, IReadOnlyList<CohortChartDay> Days);

/// <summary>The legend of a member chart, in the reader's language.</summary>
public sealed record MemberChartLabels(string Title, string DayAxis, string Done, string Late, string Missed, string Upcoming);

/// <summary>
/// A member's days 1..<paramref name="TotalDays"/>: days up to <paramref name="CurrentDay"/> are done (on time or late)
/// or missed (the current day counts as still open, not missed); later days are to come.
/// </summary>
public sealed record MemberChart(MemberChartLabels Labels, int TotalDays, int CurrentDay, IReadOnlySet<int> Done, IReadOnlySet<int> Late);
