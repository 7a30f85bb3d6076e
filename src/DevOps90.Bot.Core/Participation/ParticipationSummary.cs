using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Participation;

/// <summary>What moderators see of a cohort's participation at a glance.</summary>
public sealed record ParticipationSummary(
    int ActiveToday,
    int ActiveThisWeek,
    int Members,
    IReadOnlyList<(int Day, int CheckIns)> PerDay,
    IReadOnlyList<string> Inactive);

public static class ParticipationSummaries
{
    /// <summary>
    /// Active = checked in on that local date (or since Monday); per day = check-ins of each lesson day reached so far
    /// (the last <paramref name="days"/>); inactive = members whose last check-in is at least <paramref name="inactiveDays"/>
    /// local days old.
    /// </summary>
    public static ParticipationSummary Of(Cohort cohort, IReadOnlyList<CheckIn> checkIns, DateOnly today, int currentDay, int inactiveDays, int days = 7)
    {
        DateOnly Local(CheckIn checkIn) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(checkIn.At, cohort.TimeZone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var byMember = checkIns.GroupBy(checkIn => checkIn.MemberId).ToList();
        var perDay = checkIns.GroupBy(checkIn => checkIn.Day).ToDictionary(group => group.Key, group => group.Count());
        return new ParticipationSummary(
            byMember.Count(member => member.Any(checkIn => Local(checkIn) == today)),
            byMember.Count(member => member.Any(checkIn => Local(checkIn) >= monday)),
            byMember.Count,
            [.. Enumerable.Range(Math.Max(1, currentDay - days + 1), Math.Max(0, Math.Min(days, currentDay))).Select(day => (day, perDay.GetValueOrDefault(day)))],
            [.. byMember.Where(member => member.Max(Local).AddDays(inactiveDays) <= today).Select(member => member.Key).Order(StringComparer.Ordinal)]);
    }
}
