using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.Core.Participation;

public enum CheckInStatus
{
    Added,
    AlreadyDone,
    FutureDay,
    NotStarted,
    OutOfRange,
    Removed,
    NotDone,
}

/// <summary>The result of a check-in or its undoing, with the streak it leaves.</summary>
public sealed record CheckInOutcome(CheckInStatus Status, int Day, bool IsLate = false, int Streak = 0);

/// <summary>A member's standing in a cohort.</summary>
public sealed record MemberProgress(
    string MemberId,
    int DaysDone,
    int TotalDays,
    int CurrentDay,
    int CurrentStreak,
    int LongestStreak,
    int DaysMissed,
    int Rank,
    int Members,
    IReadOnlySet<int> Done,
    IReadOnlySet<int> Late);

/// <summary>One line of a leaderboard.</summary>
public sealed record LeaderboardLine(int Rank, string MemberId, int DaysDone, int Streak);

public enum LeaderboardPeriod
{
    Week,
    Month,
    All,
}

/// <summary>Check-ins, streaks, progress and leaderboards on each cohort's own calendar and time zone.</summary>
public sealed class ParticipationService(IParticipationStore store, DailyPostService delivery, TimeProvider time)
{
    public TimeOnly GraceCutoff { get; init; } = ParticipationClock.DefaultGraceCutoff;

    /// <summary>Checks a member in for a day (default: the current lesson); a repeat changes nothing and says so.</summary>
    public async Task<CheckInOutcome> CheckInAsync(Cohort cohort, string memberId, int? day, CancellationToken cancellationToken = default)
    {
        var calendar = delivery.CalendarFor(cohort);
        var now = time.GetUtcNow();
        var current = calendar is null ? 0 : ParticipationClock.CurrentDay(calendar, now, GraceCutoff);
        var target = day ?? current;
        if (current == 0)
        {
            return new CheckInOutcome(CheckInStatus.NotStarted, target);
        }

        if (target < 1 || target > calendar!.LastDay)
        {
            return new CheckInOutcome(CheckInStatus.OutOfRange, target);
        }

        if (target > current)
        {
            return new CheckInOutcome(CheckInStatus.FutureDay, target);
        }

        var (added, stored) = await store.AddAsync(new CheckIn(cohort.Id, memberId, target, now, target < current), cancellationToken).ConfigureAwait(false);
        var done = await DoneDaysAsync(cohort, memberId, cancellationToken).ConfigureAwait(false);
        return new CheckInOutcome(added ? CheckInStatus.Added : CheckInStatus.AlreadyDone, target, stored.IsLate, Streaks.Current(done, current));
    }

    public async Task<CheckInOutcome> UndoAsync(Cohort cohort, string memberId, int? day, CancellationToken cancellationToken = default)
    {
        var calendar = delivery.CalendarFor(cohort);
        var current = calendar is null ? 0 : ParticipationClock.CurrentDay(calendar, time.GetUtcNow(), GraceCutoff);
        var target = day ?? current;
        var removed = await store.RemoveAsync(cohort.Id, memberId, target, cancellationToken).ConfigureAwait(false);
        var done = await DoneDaysAsync(cohort, memberId, cancellationToken).ConfigureAwait(false);
        return new CheckInOutcome(removed ? CheckInStatus.Removed : CheckInStatus.NotDone, target, Streak: Streaks.Current(done, current));
    }

    public async Task<MemberProgress> ProgressAsync(Cohort cohort, string memberId, CancellationToken cancellationToken = default)
    {
        var calendar = delivery.CalendarFor(cohort);
        var current = calendar is null ? 0 : ParticipationClock.CurrentDay(calendar, time.GetUtcNow(), GraceCutoff);
        var all = await store.ForCohortAsync(cohort.Id, cancellationToken).ConfigureAwait(false);
        var mine = all.Where(checkIn => checkIn.MemberId == memberId).ToList();
        var done = mine.Select(checkIn => checkIn.Day).ToHashSet();
        var ranking = Rank(all, current);
        var rank = ranking.FindIndex(line => line.MemberId == memberId) + 1;
        var closedDays = Math.Max(0, current - 1);
        return new MemberProgress(
            memberId,
            done.Count,
            calendar?.LastDay ?? 0,
            current,
            Streaks.Current(done, current),
            Streaks.Longest(done),
            Enumerable.Range(1, closedDays).Count(lessonDay => !done.Contains(lessonDay)),
            rank,
            ranking.Count,
            done,
            mine.Where(checkIn => checkIn.IsLate).Select(checkIn => checkIn.Day).ToHashSet());
    }

    /// <summary>Top 10 by days done in the period (local week from Monday, local month, or all), then streak, then who got there first.</summary>
    public async Task<IReadOnlyList<LeaderboardLine>> LeaderboardAsync(Cohort cohort, LeaderboardPeriod period, int size = 10, CancellationToken cancellationToken = default)
    {
        var calendar = delivery.CalendarFor(cohort);
        var now = time.GetUtcNow();
        var current = calendar is null ? 0 : ParticipationClock.CurrentDay(calendar, now, GraceCutoff);
        var today = ParticipationClock.StudyDate(cohort, now, GraceCutoff);
        var from = period switch
        {
            LeaderboardPeriod.Week => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
            LeaderboardPeriod.Month => new DateOnly(today.Year, today.Month, 1),
            _ => DateOnly.MinValue,
        };
        var all = await store.ForCohortAsync(cohort.Id, cancellationToken).ConfigureAwait(false);
        var inPeriod = all.Where(checkIn => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(checkIn.At, cohort.TimeZone).DateTime) >= from).ToList();
        var streaks = all.GroupBy(checkIn => checkIn.MemberId)
            .ToDictionary(group => group.Key, group => Streaks.Current(group.Select(checkIn => checkIn.Day).ToHashSet(), current));
        return [.. inPeriod
            .GroupBy(checkIn => checkIn.MemberId)
            .Select(group => (Member: group.Key, Count: group.Count(), Streak: streaks[group.Key], Reached: group.Max(checkIn => checkIn.At)))
            .OrderByDescending(entry => entry.Count)
            .ThenByDescending(entry => entry.Streak)
            .ThenBy(entry => entry.Reached)
            .Take(size)
            .Select((entry, index) => new LeaderboardLine(index + 1, entry.Member, entry.Count, entry.Streak))];
    }

    public async Task<ParticipationSummary> SummaryAsync(Cohort cohort, int inactiveDays, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var all = await store.ForCohortAsync(cohort.Id, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, cohort.TimeZone).DateTime);
        return ParticipationSummaries.Of(cohort, all, today, CurrentDay(cohort), inactiveDays);
    }

    /// <summary>The lesson day reached now, grace cutoff included.</summary>
    public int CurrentDay(Cohort cohort) =>
        delivery.CalendarFor(cohort) is { } calendar ? ParticipationClock.CurrentDay(calendar, time.GetUtcNow(), GraceCutoff) : 0;

    public int LastDay(Cohort cohort) => delivery.CalendarFor(cohort)?.LastDay ?? 0;

    public Task<int> ForgetAsync(string memberId, CancellationToken cancellationToken = default) =>
        store.ForgetMemberAsync(memberId, cancellationToken);

    private async Task<HashSet<int>> DoneDaysAsync(Cohort cohort, string memberId, CancellationToken cancellationToken) =>
        [.. (await store.ForMemberAsync(cohort.Id, memberId, cancellationToken).ConfigureAwait(false)).Select(checkIn => checkIn.Day)];

    private static List<LeaderboardLine> Rank(IReadOnlyList<CheckIn> all, int current) =>
        [.. all.GroupBy(checkIn => checkIn.MemberId)
            .Select(group => (Member: group.Key, Days: group.Select(checkIn => checkIn.Day).ToHashSet(), Reached: group.Max(checkIn => checkIn.At)))
            .Select(entry => (entry.Member, Count: entry.Days.Count, Streak: Streaks.Current(entry.Days, current), entry.Reached))
            .OrderByDescending(entry => entry.Count)
            .ThenByDescending(entry => entry.Streak)
            .ThenBy(entry => entry.Reached)
            .Select((entry, index) => new LeaderboardLine(index + 1, entry.Member, entry.Count, entry.Streak))];
}
