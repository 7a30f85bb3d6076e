using System.Runtime.CompilerServices;
using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Reports;
using DevOps90.Bot.Core.Telemetry;

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
public sealed record CheckInOutcome(CheckInStatus Status, int Day, bool IsLate = false, int Streak = 0)
{
    /// <summary>For <see cref="CheckInStatus.FutureDay"/>: when the day opens (null: the calendar does not reach it).</summary>
    public DateTimeOffset? OpensAt { get; init; }

    /// <summary>For a check-in: how many days the member has done now (what milestones count).</summary>
    public int DaysDone { get; init; }
}

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
    IReadOnlySet<int> Late)
{
    /// <summary>Streak freezes held on the current day.</summary>
    public int FreezesHeld { get; init; }

    /// <summary>The lesson days a freeze kept the streak on, in order.</summary>
    public IReadOnlyList<int> FreezesUsed { get; init; } = [];
}

/// <summary>A member's check-ins in a cohort with the day reached, the last lesson day, and their streaks.</summary>
public sealed record MemberDays(int CurrentDay, int LastDay, IReadOnlySet<int> Done, IReadOnlyList<CheckIn> CheckIns, StreakHistory Streaks);

/// <summary>One line of a leaderboard.</summary>
public sealed record LeaderboardLine(int Rank, string MemberId, int DaysDone, int Streak);

public enum LeaderboardPeriod
{
    Week,
    Month,
    All,
}

/// <summary>A line of a leaderboard shown outside the chat: a display name (null: none known), never an id.</summary>
public sealed record PublicLeaderboardLine(int Rank, string? DisplayName, int DaysDone, int Streak);

/// <summary>Check-ins, streaks, progress and leaderboards on each cohort's own calendar and time zone.</summary>
public sealed class ParticipationService(
    IParticipationStore store,
    DailyPostService delivery,
    TimeProvider time,
    IMemberProfileStore? profiles = null,
    BotMetrics? metrics = null,
    IShareStore? shares = null,
    IMilestoneStore? milestones = null)
{
    public TimeOnly GraceCutoff { get; init; } = ParticipationClock.DefaultGraceCutoff;

    /// <summary>
    /// A cohort's check-ins changed (a check-in, an undo), or a member's presence on the web pages did (null: any
    /// cohort, after /forget-me or /page): what cached pages are invalidated on.
    /// </summary>
    public event Action<CohortId?>? Changed;

    /// <summary>
    /// Checks a member in for a day (default: the current lesson, the one of today's study date); a repeat changes
    /// nothing and says so. A later day is accepted once it is open (<see cref="LessonOpening"/>): the evening post's
    /// Done button works from the moment the post is out.
    /// </summary>
    /// <param name="displayName">The member's name in their community, kept for the web pages (before the check-in,
    /// so that a page rendered on its news has it).</param>
    public async Task<CheckInOutcome> CheckInAsync(Cohort cohort, string memberId, int? day, string? displayName = null, CancellationToken cancellationToken = default)
    {
        var calendar = delivery.CalendarFor(cohort);
        var now = time.GetUtcNow();
        var current = calendar is null ? 0 : ParticipationClock.CurrentDay(calendar, now, GraceCutoff);
        var target = day ?? current;
        if (calendar is null || target == 0)
        {
            return new CheckInOutcome(CheckInStatus.NotStarted, target);
        }

        if (target < 1 || target > calendar.LastDay)
        {
            return new CheckInOutcome(CheckInStatus.OutOfRange, target);
        }

        if (target > current && LessonOpening.OpensAt(calendar, target, GraceCutoff) is var opens && (opens is null || now < opens))
        {
            return new CheckInOutcome(CheckInStatus.FutureDay, target) { OpensAt = opens };
        }

        await RememberNameAsync(memberId, displayName, cancellationToken).ConfigureAwait(false);
        var (added, stored) = await store.AddAsync(new CheckIn(cohort.Id, memberId, target, now, target < current), cancellationToken).ConfigureAwait(false);
        if (added)
        {
            metrics?.CheckedIn(cohort.Id, stored.IsLate);
            Changed?.Invoke(cohort.Id);
        }

        var done = await DoneDaysAsync(cohort, memberId, cancellationToken).ConfigureAwait(false);
        return new CheckInOutcome(added ? CheckInStatus.Added : CheckInStatus.AlreadyDone, target, stored.IsLate, Streaks.Current(done, Math.Max(current, target), StreakRules.Of(cohort)))
        {
            DaysDone = done.Count,
        };
    }

    public async Task<CheckInOutcome> UndoAsync(Cohort cohort, string memberId, int? day, CancellationToken cancellationToken = default)
    {
        var calendar = delivery.CalendarFor(cohort);
        var current = calendar is null ? 0 : ParticipationClock.CurrentDay(calendar, time.GetUtcNow(), GraceCutoff);
        var target = day ?? current;
        if (target == 0)
        {
            return new CheckInOutcome(CheckInStatus.NotStarted, target);
        }

        var removed = await store.RemoveAsync(cohort.Id, memberId, target, cancellationToken).ConfigureAwait(false);
        if (removed)
        {
            Changed?.Invoke(cohort.Id);
        }

        var done = await DoneDaysAsync(cohort, memberId, cancellationToken).ConfigureAwait(false);
        return new CheckInOutcome(removed ? CheckInStatus.Removed : CheckInStatus.NotDone, target, Streak: Streaks.Current(done, current, StreakRules.Of(cohort)));
    }

    /// <summary>A member's days, streaks and rank; the rank is counted by the store (members ranked above), not by ranking everyone.</summary>
    public async Task<MemberProgress> ProgressAsync(Cohort cohort, string memberId, CancellationToken cancellationToken = default)
    {
        var calendar = delivery.CalendarFor(cohort);
        var current = calendar is null ? 0 : ParticipationClock.CurrentDay(calendar, time.GetUtcNow(), GraceCutoff);
        var mine = await store.ForMemberAsync(cohort.Id, memberId, cancellationToken).ConfigureAwait(false);
        var done = mine.Select(checkIn => checkIn.Day).ToHashSet();
        var rules = StreakRules.Of(cohort);
        var streaks = Streaks.Walk(done, current, rules);
        var standing = new MemberStanding(memberId, done.Count, streaks.Current, mine.Count == 0 ? DateTimeOffset.MinValue : mine.Max(checkIn => checkIn.At));
        var rank = await store.RankAsync(cohort.Id, standing, current, rules, cancellationToken).ConfigureAwait(false);
        var closedDays = Math.Max(0, current - 1);
        return new MemberProgress(
            memberId,
            done.Count,
            calendar?.LastDay ?? 0,
            current,
            streaks.Current,
            streaks.Longest,
            Enumerable.Range(1, closedDays).Count(lessonDay => !done.Contains(lessonDay)),
            mine.Count == 0 ? 0 : rank.Ahead + 1,
            rank.Members,
            done,
            mine.Where(checkIn => checkIn.IsLate).Select(checkIn => checkIn.Day).ToHashSet())
        {
            FreezesHeld = streaks.FreezesHeld,
            FreezesUsed = streaks.FreezesUsed,
        };
    }

    /// <summary>
    /// A member's days done, their check-ins, and their streaks on the current day, from one read of their
    /// check-ins: for reminders and certificates, which need no rank.
    /// </summary>
    public async Task<MemberDays> DaysAsync(Cohort cohort, string memberId, CancellationToken cancellationToken = default)
    {
        var current = CurrentDay(cohort);
        var mine = await store.ForMemberAsync(cohort.Id, memberId, cancellationToken).ConfigureAwait(false);
        var done = mine.Select(checkIn => checkIn.Day).ToHashSet();
        return new MemberDays(current, LastDay(cohort), done, mine, Streaks.Walk(done, current, StreakRules.Of(cohort)));
    }

    /// <summary>Top 10 by days done in the period (local week from Monday, local month, or all), then streak, then who got there first.</summary>
    public async Task<IReadOnlyList<LeaderboardLine>> LeaderboardAsync(Cohort cohort, LeaderboardPeriod period, int size = 10, CancellationToken cancellationToken = default)
    {
        var calendar = delivery.CalendarFor(cohort);
        var now = time.GetUtcNow();
        var current = calendar is null ? 0 : ParticipationClock.CurrentDay(calendar, now, GraceCutoff);
        var today = ParticipationClock.StudyDate(cohort, now, GraceCutoff);
        DateOnly? from = period switch
        {
            LeaderboardPeriod.Week => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
            LeaderboardPeriod.Month => new DateOnly(today.Year, today.Month, 1),
            _ => null,
        };
        if (size <= 0)
        {
            return [];
        }

        // The period is the local date of each check-in, so it starts at the instant the cohort's zone reaches that date.
        var since = from is { } date ? ParticipationClock.StartOf(date, cohort.TimeZone) : (DateTimeOffset?)null;
        var candidates = await store.LeaderCandidatesAsync(cohort.Id, since, current, size, StreakRules.Of(cohort), cancellationToken).ConfigureAwait(false);
        return [.. candidates
            .Order(MemberStanding.Ranking)
            .Take(size)
            .Select((entry, index) => new LeaderboardLine(index + 1, entry.MemberId, entry.DaysDone, entry.Streak))];
    }

    public async Task<ParticipationSummary> SummaryAsync(Cohort cohort, int inactiveDays, CancellationToken cancellationToken = default)
    {
        const int Days = 7;
        var zone = cohort.TimeZone;
        var today = ParticipationClock.LocalDate(time.GetUtcNow(), zone);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var currentDay = CurrentDay(cohort);
        var firstDay = Math.Max(1, currentDay - Days + 1);
        // Inactive: the last check-in's local date is at least inactiveDays before today, i.e. before this date began.
        var activeFrom = DateOnly.FromDayNumber((int)Math.Clamp((long)today.DayNumber - inactiveDays + 1, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
        var activity = await store.ActivityAsync(
            cohort.Id,
            new ActivityQuery(
                ParticipationClock.StartOf(today, zone),
                ParticipationClock.StartOf(today.AddDays(1), zone),
                ParticipationClock.StartOf(monday, zone),
                ParticipationClock.StartOf(activeFrom, zone),
                firstDay,
                currentDay),
            cancellationToken).ConfigureAwait(false);
        return new ParticipationSummary(
            activity.ActiveToday,
            activity.ActiveThisWeek,
            activity.Members,
            [.. Enumerable.Range(firstDay, Math.Max(0, Math.Min(Days, currentDay))).Select(day => (day, activity.PerDay.GetValueOrDefault(day)))],
            [.. activity.Inactive.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The cohort's check-ins made on local dates <paramref name="from"/>..<paramref name="to"/> (inclusive; null: no
    /// bound) by lesson day, streamed from the store: for exports, which must not hold a whole cohort in memory.
    /// </summary>
    public IAsyncEnumerable<CheckIn> StreamCheckInsAsync(Cohort cohort, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        var zone = cohort.TimeZone;
        return store.StreamCohortAsync(
            cohort.Id,
            from is { } first ? ParticipationClock.StartOf(first, zone) : null,
            to is { } last && last < DateOnly.MaxValue ? ParticipationClock.StartOf(last.AddDays(1), zone) : null,
            cancellationToken);
    }

    /// <summary>
    /// Export rows of the check-ins made on local dates <paramref name="from"/>..<paramref name="to"/>, in lesson-day
    /// order, each with its lesson's scheduled date and its time in the cohort's zone; streamed like the store reads.
    /// </summary>
    public async IAsyncEnumerable<CheckInRow> ExportAsync(Cohort cohort, DateOnly? from, DateOnly? to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var calendar = delivery.CalendarFor(cohort);
        var zone = cohort.TimeZone;
        var id = cohort.Id.Value;
        // Shares are few (one per member and day at most, and only by those who share): looked up, not joined.
        var shared = shares is null
            ? []
            : (await shares.ForCohortAsync(cohort.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(share => (share.MemberId, share.Day), share => share.Url);
        // Every lesson's date once, rather than walking the calendar for each of possibly a million rows.
        var lessonDates = Enumerable.Range(0, (calendar?.LastDay ?? 0) + 1).Select(day => day == 0 ? null : calendar!.DateOfLesson(day)).ToArray();
        await foreach (var checkIn in StreamCheckInsAsync(cohort, from, to, cancellationToken).ConfigureAwait(false))
        {
            var lessonDate = checkIn.Day > 0 && checkIn.Day < lessonDates.Length ? lessonDates[checkIn.Day] : null;
            yield return new CheckInRow(id, checkIn.MemberId, checkIn.Day, lessonDate, checkIn.At.ToUniversalTime(), TimeZoneInfo.ConvertTime(checkIn.At, zone), checkIn.IsLate)
            {
                SharedUrl = shared.GetValueOrDefault((checkIn.MemberId, checkIn.Day)),
            };
        }
    }

    /// <summary>
    /// Each lesson day reached so far: its check-ins, and the members who checked in (for any day) during that
    /// lesson's study date, from its morning's grace cutoff to the next.
    /// </summary>
    public async Task<IReadOnlyList<LessonActivity>> LessonActivityAsync(Cohort cohort, CancellationToken cancellationToken = default)
    {
        if (delivery.CalendarFor(cohort) is not { } calendar)
        {
            return [];
        }

        var current = ParticipationClock.CurrentDay(calendar, time.GetUtcNow(), GraceCutoff);
        var windows = new List<LessonWindow>(current);
        for (var day = 1; day <= current; day++)
        {
            if (calendar.DateOfLesson(day) is { } date)
            {
                windows.Add(new LessonWindow(day, ParticipationClock.StudyStartOf(date, cohort, GraceCutoff), ParticipationClock.StudyStartOf(date.AddDays(1), cohort, GraceCutoff)));
            }
        }

        return await store.LessonActivityAsync(cohort.Id, windows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The lesson day reached now, grace cutoff included.</summary>
    public int CurrentDay(Cohort cohort) =>
        delivery.CalendarFor(cohort) is { } calendar ? ParticipationClock.CurrentDay(calendar, time.GetUtcNow(), GraceCutoff) : 0;

    public int LastDay(Cohort cohort) => delivery.CalendarFor(cohort)?.LastDay ?? 0;

    /// <summary>The local date of a lesson day, if the calendar reaches it.</summary>
    public DateOnly? DateOfLesson(Cohort cohort, int day) => delivery.CalendarFor(cohort)?.DateOfLesson(day);

    /// <summary>
    /// Deletes the member's profile, shares and milestones, then their check-ins (whose deletion scrubs the database
    /// file).
    /// </summary>
    public async Task<int> ForgetAsync(string memberId, CancellationToken cancellationToken = default)
    {
        if (profiles is not null)
        {
            await profiles.ForgetAsync(memberId, cancellationToken).ConfigureAwait(false);
        }

        if (shares is not null)
        {
            await shares.ForgetMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        }

        if (milestones is not null)
        {
            await milestones.ForgetMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        }

        var deleted = await store.ForgetMemberAsync(memberId, cancellationToken).ConfigureAwait(false);
        Changed?.Invoke(null);
        return deleted;
    }

    /// <summary>Keeps the name a member shows in their community, for the web pages (a blank name changes nothing).</summary>
    public async Task RememberNameAsync(string memberId, string? displayName, CancellationToken cancellationToken = default)
    {
        if (profiles is not null && !string.IsNullOrWhiteSpace(displayName))
        {
            await profiles.RememberNameAsync(memberId, displayName, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Hides a member from every group's web page (<c>/page hide</c>) or shows them again.</summary>
    public async Task SetHiddenAsync(string memberId, bool hidden, CancellationToken cancellationToken = default)
    {
        if (profiles is not null)
        {
            await profiles.SetHiddenAsync(memberId, hidden, cancellationToken).ConfigureAwait(false);
            Changed?.Invoke(null);
        }
    }

    /// <summary>The name a member showed in their community at their last check-in (null: none known).</summary>
    public async Task<string?> DisplayNameAsync(string memberId, CancellationToken cancellationToken = default) =>
        profiles is null ? null : (await profiles.FindAsync([memberId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(memberId)?.DisplayName;

    /// <summary>Whether a member hid themselves from the web pages.</summary>
    public async Task<bool> IsHiddenAsync(string memberId, CancellationToken cancellationToken = default) =>
        profiles is not null
        && (await profiles.FindAsync([memberId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(memberId)?.Hidden == true;

    /// <summary>
    /// The leaderboard as the web page shows it: members who hid themselves left out (and the ranks closed up),
    /// names instead of ids. Asks the store for more candidates while hidden ones leave the top short.
    /// </summary>
    public async Task<IReadOnlyList<PublicLeaderboardLine>> PublicLeaderboardAsync(Cohort cohort, LeaderboardPeriod period, int size = 10, CancellationToken cancellationToken = default)
    {
        for (var asked = size; ; asked *= 2)
        {
            var lines = await LeaderboardAsync(cohort, period, asked, cancellationToken).ConfigureAwait(false);
            var found = profiles is null
                ? new Dictionary<string, MemberProfile>()
                : await profiles.FindAsync([.. lines.Select(line => line.MemberId)], cancellationToken).ConfigureAwait(false);
            var shown = lines.Where(line => found.GetValueOrDefault(line.MemberId)?.Hidden != true).ToList();
            if (shown.Count >= size || lines.Count < asked)
            {
                return [.. shown.Take(size).Select((line, index) =>
                    new PublicLeaderboardLine(index + 1, found.GetValueOrDefault(line.MemberId)?.DisplayName, line.DaysDone, line.Streak))];
            }
        }
    }

    private async Task<HashSet<int>> DoneDaysAsync(Cohort cohort, string memberId, CancellationToken cancellationToken) =>
        [.. (await store.ForMemberAsync(cohort.Id, memberId, cancellationToken).ConfigureAwait(false)).Select(checkIn => checkIn.Day)];
}
