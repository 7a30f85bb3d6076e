using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Core.Reminders;

/// <summary>What one round did, for the caller to log (and the bench to count).</summary>
public sealed record ReminderRoundResult(int Due, int Sent, int Closed, int Failed, int Skipped);

/// <summary>
/// Sends the reminders that are due, once a minute from the host on every instance: one query for what is due (an
/// index on the next instant, so 10,000 members at one minute are one read, not 10,000 triggers), then each reminder
/// claimed in the reminders' ledger under (cohort, study date, member) before its private message goes out, so a
/// member gets at most one a day whatever restarts, retries or instances; then moved to its next day.
/// </summary>
public sealed class ReminderRound(
    ICohortDirectory cohorts,
    ParticipationService participation,
    IReminderStore store,
    ReminderLedger ledger,
    IEnumerable<IDirectMessenger> messengers,
    ContentLibrary content,
    BotDefaults defaults,
    ReminderOptions options,
    TimeProvider time)
{
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private enum Step
    {
        Sent,
        Closed,
        Failed,
        Skipped,
    }

    /// <summary>Every reminder due now, each at most once in the round (one another instance holds waits for the next).</summary>
    public async Task<ReminderRoundResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var seen = new HashSet<(CohortId, string)>();
        var counts = new int[4];
        while (true)
        {
            var due = (await store.DueAsync(now, options.BatchSize, cancellationToken).ConfigureAwait(false))
                .Where(reminder => seen.Add((reminder.Cohort, reminder.MemberId)))
                .ToList();
            if (due.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (reminder, token) => Interlocked.Increment(ref counts[(int)await ProcessAsync(reminder, token).ConfigureAwait(false)])).ConfigureAwait(false);
        }

        await store.PruneLedgerAsync(now - options.LedgerRetention, cancellationToken).ConfigureAwait(false);
        return new ReminderRoundResult(seen.Count, counts[(int)Step.Sent], counts[(int)Step.Closed], counts[(int)Step.Failed], counts[(int)Step.Skipped]);
    }

    private async Task<Step> ProcessAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        if (cohorts.Find(reminder.Cohort) is not { } cohort)
        {
            // A retired cohort may come back: its reminders wait, a day at a time.
            await RescheduleAsync(reminder, reminder.NextAt + TimeSpan.FromDays(1), cancellationToken).ConfigureAwait(false);
            return Step.Skipped;
        }

        var (step, retry) = await SendIfWantedAsync(reminder, cohort, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var next = retry ? now + options.RetryDelay : ReminderService.NextAfter(reminder, cohort, now);
        await RescheduleAsync(reminder, next, cancellationToken).ConfigureAwait(false);
        return step;
    }

    private async Task<(Step Step, bool Retry)> SendIfWantedAsync(Reminder reminder, Cohort cohort, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var studyDate = ParticipationClock.StudyDate(cohort, now, participation.GraceCutoff);
        var days = await participation.DaysAsync(cohort, reminder.MemberId, cancellationToken).ConfigureAwait(false);
        // Only on a study day with its lesson, before its cutoff (a reminder due yesterday and found after it is
        // moot), and only to a member who has not checked in for it.
        if (cohort.IsPaused
            || days.CurrentDay < 1
            || participation.DateOfLesson(cohort, days.CurrentDay) != studyDate
            || ParticipationClock.StudyDate(cohort, reminder.NextAt, participation.GraceCutoff) != studyDate
            || days.Done.Contains(days.CurrentDay))
        {
            return (Step.Skipped, false);
        }

        var key = new DeliveryKey(cohort.Id, $"{IsoDate.ToText(studyDate)}/{reminder.MemberId}");
        var claim = await ledger.Ledger.TryClaimAsync(key, reminder.NextAt, _owner, now, options.ClaimLease, cancellationToken).ConfigureAwait(false);
        if (claim.Outcome != ClaimOutcome.Claimed)
        {
            // Settled: sent (or given up) today already. Busy: another instance has it, or its retry is not due.
            return (Step.Skipped, claim.Outcome == ClaimOutcome.Busy);
        }

        var endsAt = ParticipationClock.StudyStartOf(studyDate.AddDays(1), cohort, participation.GraceCutoff);
        var message = ReminderMessage.Compose(reminder, cohort, defaults, content.Current, days.CurrentDay, days.Streaks.Current, endsAt);
        var result = await SendAsync(reminder.MemberId, message, cancellationToken).ConfigureAwait(false);
        // The platform's answer is recorded whatever happens to the caller, as for the daily post.
        var recording = CancellationToken.None;
        var at = time.GetUtcNow();
        switch (result.Outcome)
        {
            case DirectMessageOutcome.Sent:
                await ledger.Ledger.MarkSentAsync(key, result.MessageId ?? "", at, recording).ConfigureAwait(false);
                return (Step.Sent, false);
            case DirectMessageOutcome.Closed:
                await ledger.Ledger.MarkFailedAsync(key, result.Reason ?? "private messages closed", permanent: true, null, at, recording).ConfigureAwait(false);
                await store.MarkBlockedAsync(cohort.Id, reminder.MemberId, at, recording).ConfigureAwait(false);
                return (Step.Closed, false);
            case DirectMessageOutcome.TransientFailure when at + options.RetryDelay < endsAt:
                await ledger.Ledger.MarkFailedAsync(key, result.Reason ?? "transient failure", permanent: false, at + options.RetryDelay, at, recording).ConfigureAwait(false);
                return (Step.Failed, true);
            default:
                await ledger.Ledger.MarkFailedAsync(key, result.Reason ?? "permanent failure", permanent: true, null, at, recording).ConfigureAwait(false);
                return (Step.Failed, false);
        }
    }

    private async Task<DirectMessageResult> SendAsync(string memberId, Replies.Reply message, CancellationToken cancellationToken)
    {
        // "discord:123", "slack:T1:U2"; the console's member has no prefix.
        var platform = memberId.Contains(':', StringComparison.Ordinal) ? memberId.Split(':', 2)[0] : "console";
        if (messengers.FirstOrDefault(candidate => candidate.Platform == platform) is not { } messenger)
        {
            return new DirectMessageResult(DirectMessageOutcome.PermanentFailure, Reason: $"no private messages on '{platform}'");
        }

        try
        {
            return await messenger.SendAsync(memberId, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new DirectMessageResult(DirectMessageOutcome.TransientFailure, Reason: exception.GetType().Name + ": " + exception.Message);
        }
    }

    // False when another instance moved it first: its move stands.
    private Task<bool> RescheduleAsync(Reminder reminder, DateTimeOffset next, CancellationToken cancellationToken) =>
        store.RescheduleAsync(reminder.Cohort, reminder.MemberId, reminder.NextAt, next, cancellationToken);
}
