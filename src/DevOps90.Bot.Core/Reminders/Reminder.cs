using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Reminders;

/// <summary>
/// A member's reminder in one cohort: the local time it comes at, in the member's own zone (null: the cohort's), the
/// language they asked in, the next instant it is due, and when the platform said the member takes no private
/// messages (then it is not tried again until the member sets it anew).
/// </summary>
public sealed record Reminder(
    CohortId Cohort,
    string MemberId,
    TimeOnly At,
    string? TimeZoneId,
    string? Language,
    DateTimeOffset NextAt,
    DateTimeOffset? BlockedAt = null)
{
    public TimeZoneInfo ZoneIn(Cohort cohort) =>
        TimeZoneId is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : cohort.TimeZone;
}

/// <summary>Where reminders are kept (storage implements it).</summary>
public interface IReminderStore
{
    /// <summary>Adds or replaces the member's reminder in the cohort (which clears a blocked mark).</summary>
    Task SetAsync(Reminder reminder, CancellationToken cancellationToken = default);

    Task<Reminder?> FindAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default);

    /// <summary>Reminders not blocked and due at or before <paramref name="now"/>, earliest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Reminder>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the reminder's next instant from <paramref name="expected"/> to <paramref name="nextAt"/>; false when another
    /// instance (or the member) changed it first, which then stands.
    /// </summary>
    Task<bool> RescheduleAsync(CohortId cohort, string memberId, DateTimeOffset expected, DateTimeOffset nextAt, CancellationToken cancellationToken = default);

    /// <summary>Marks the member as taking no private messages: the reminder is not tried again until set anew.</summary>
    Task MarkBlockedAsync(CohortId cohort, string memberId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Deletes the member's reminders in every cohort and their lines in the reminders' ledger.</summary>
    Task<int> ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the reminders' ledger lines scheduled before <paramref name="before"/>.</summary>
    Task PruneLedgerAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
