using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Posts;

namespace DevOps90.Bot.Core.Reminders;

/// <summary>
/// <c>/remind</c>'s side of reminders: turning one on (a local time, in the member's zone or the cohort's), off, and
/// what is set; and when a reminder is next due. Sending them is <see cref="ReminderRound"/>'s.
/// </summary>
public sealed class ReminderService(IReminderStore store, TimeProvider time)
{
    /// <summary>Sets the member's reminder (clearing a blocked mark): due next at the first <paramref name="at"/> to come.</summary>
    public async Task<Reminder> SetAsync(Cohort cohort, string memberId, TimeOnly at, string? timeZoneId, string? language, CancellationToken cancellationToken = default)
    {
        var reminder = new Reminder(cohort.Id, memberId, at, timeZoneId, language, default);
        reminder = reminder with { NextAt = NextAfter(reminder, cohort, time.GetUtcNow()) };
        await store.SetAsync(reminder, cancellationToken).ConfigureAwait(false);
        return reminder;
    }

    public Task<bool> StopAsync(Cohort cohort, string memberId, CancellationToken cancellationToken = default) =>
        store.RemoveAsync(cohort.Id, memberId, cancellationToken);

    public Task<Reminder?> FindAsync(Cohort cohort, string memberId, CancellationToken cancellationToken = default) =>
        store.FindAsync(cohort.Id, memberId, cancellationToken);

    /// <summary>Deletes the member's reminders everywhere (<c>/forget-me</c>).</summary>
    public Task<int> ForgetAsync(string memberId, CancellationToken cancellationToken = default) =>
        store.ForgetMemberAsync(memberId, cancellationToken);

    /// <summary>
    /// The first instant after <paramref name="after"/> at which the member's clock shows the reminder's time (a time
    /// that a spring clock change skips comes at the jump, as the daily post does).
    /// </summary>
    public static DateTimeOffset NextAfter(Reminder reminder, Cohort cohort, DateTimeOffset after)
    {
        var zone = reminder.ZoneIn(cohort);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        for (var offset = 0; ; offset++)
        {
            var candidate = ZonedTime.ToInstant(date.AddDays(offset), reminder.At, zone);
            if (candidate > after)
            {
                return candidate;
            }
        }
    }
}
