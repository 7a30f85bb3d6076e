using System.Diagnostics;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Telemetry;

namespace DevOps90.Bot.Core.Delivery;

/// <summary>
/// Delivers each cohort's latest due daily post exactly once. The scheduler calls it at the post time, and
/// reconciliation calls it on start and every few minutes: a post missed while the bot was down is sent when it comes
/// back (only the latest, never a flood), unless it is older than the staleness window; a post claimed by an instance
/// that crashed is sent again under the same idempotency key, so the platform drops it if it had arrived.
/// </summary>
public sealed class DailyPostService(
    ICohortDirectory cohorts,
    ContentLibrary content,
    IDeliveryLedger ledger,
    IEnumerable<IChatPublisher> publishers,
    DailyPostComposer composer,
    DeliveryOptions options,
    TimeProvider time,
    BotMetrics? metrics = null)
{
    // Far enough back to find the post before a long weekend or a run of holidays.
    private const int LookBackDays = 14;

    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    // A minute with thousands of posts due brings a hundred senders to the ledger at once: they take turns.
    private readonly LedgerTurns _ledger = new(ledger, options.MaxConcurrentLedgerWrites, options.MaxConcurrentLedgerReads, time);

    public async Task<DeliveryOutcome> DeliverDueAsync(CohortId cohortId, CancellationToken cancellationToken = default)
    {
        using var activity = BotMetrics.Activities.StartActivity("daily post");
        activity?.SetTag("cohort", cohortId.Value);
        var outcome = await DeliverLatestAsync(cohortId, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("outcome", outcome.Status.ToString());
        if (outcome.Status == DeliveryStatus.Failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Detail);
        }

        return outcome;
    }

    private async Task<DeliveryOutcome> DeliverLatestAsync(CohortId cohortId, CancellationToken cancellationToken)
    {
        // One index for the whole delivery: a reload in the middle must not mix a calendar of one with a lesson of another.
        var index = content.Current;
        if (cohorts.Find(cohortId) is not { } cohort || CalendarFor(cohort, index) is not { } calendar)
        {
            return new DeliveryOutcome(DeliveryStatus.NoSuchCohort);
        }

        var now = time.GetUtcNow();
        if (cohort.IsPaused || LatestDuePost(calendar, now) is not { } post)
        {
            return new DeliveryOutcome(DeliveryStatus.NothingDue);
        }

        var key = DeliveryKey.For(post);
        var record = await _ledger.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (record is not null && LedgerRules.IsSettled(record))
        {
            if (record is { State: DeliveryState.Sent, ThreadId: null, MessageId: { Length: > 0 } sent } && now - post.PostAt <= options.StalenessWindow)
            {
                // Sent, but the thread was not opened (a crash in between, a platform that failed for now): open it now.
                await OpenThreadAsync(calendar, post, key, sent, index, cancellationToken).ConfigureAwait(false);
            }

            return new DeliveryOutcome(DeliveryStatus.AlreadySettled, key);
        }

        if (now - post.PostAt > options.StalenessWindow)
        {
            var reason = $"not sent: {(now - post.PostAt).TotalHours:0.#} h late, over the {options.StalenessWindow.TotalHours:0.#} h staleness window";
            await (record is null
                ? _ledger.MarkSkippedAsync(key, post.PostAt, reason, now, cancellationToken)
                : _ledger.MarkFailedAsync(key, reason, permanent: true, null, now, cancellationToken)).ConfigureAwait(false);
            metrics?.PostSettled(cohort.Id, cohort.Target.Platform, DeliveryStatus.SkippedAsStale);
            return new DeliveryOutcome(DeliveryStatus.SkippedAsStale, key, reason);
        }

        var claim = await _ledger.TryClaimAsync(key, post.PostAt, _owner, now, options.ClaimLease, cancellationToken).ConfigureAwait(false);
        return claim.Outcome switch
        {
            ClaimOutcome.Settled => new DeliveryOutcome(DeliveryStatus.AlreadySettled, key),
            ClaimOutcome.Busy => new DeliveryOutcome(DeliveryStatus.Busy, key),
            _ => await SendAsync(calendar, post, key, claim.Record.Attempts, index, cancellationToken).ConfigureAwait(false),
        };
    }

    private DeliveryOutcome Settled(Cohort cohort, PlannedPost post, DeliveryOutcome outcome, DateTimeOffset now)
    {
        metrics?.PostSettled(cohort.Id, cohort.Target.Platform, outcome.Status, now - post.PostAt);
        return outcome;
    }

    /// <summary>Runs <see cref="DeliverDueAsync"/> for every cohort; one cohort's trouble never stops the others.</summary>
    public async Task<IReadOnlyList<DeliveryOutcome>> ReconcileAllAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = new List<DeliveryOutcome>();
        foreach (var cohort in cohorts.All)
        {
            // A host that is stopping starts no further post.
            cancellationToken.ThrowIfCancellationRequested();
            outcomes.Add(await DeliverDueAsync(cohort.Id, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>The most recent post whose time has come, looking back over the last days.</summary>
    public PlannedPost? LatestDuePost(StudyCalendar calendar, DateTimeOffset now)
    {
        var today = StudyCalendar.LocalDate(now, calendar.Cohort.TimeZone);
        for (var offset = 0; offset <= LookBackDays; offset++)
        {
            if (PostPlanner.PostOn(calendar, today.AddDays(-offset)) is { } post && post.PostAt <= now + options.EarlyFireTolerance)
            {
                return post;
            }
        }

        return null;
    }

    public StudyCalendar? CalendarFor(Cohort cohort, CurriculumIndex? index = null)
    {
        index ??= content.Current;
        var curriculum = index.FindBest(cohort.CurriculumId, cohort.Language);
        if (curriculum is null)
        {
            return null;
        }

        return new StudyCalendar(cohort, index.EditionRange(curriculum).Last);
    }

    /// <summary>
    /// One attempt, bounded by <see cref="DeliveryOptions.PublishTimeout"/> so that it ends well inside the claim's
    /// lease: a publish that outlives the bound is a transient failure, tried again later under the same key. Only
    /// the caller's own cancellation (the host cutting work short) propagates, leaving the claim to its lease.
    /// </summary>
    private async Task<PublishResult> AttemptAsync(IChatPublisher publisher, StudyCalendar calendar, PlannedPost post, DeliveryKey key, int attempts, CurriculumIndex index, CancellationToken cancellationToken)
    {
        using var bound = new CancellationTokenSource(options.PublishTimeout, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        try
        {
            if (attempts > 1 && await FindEarlierAsync(publisher, calendar.Cohort, post, key, attempt.Token).ConfigureAwait(false) is { } earlier)
            {
                // An earlier attempt did arrive (its answer was lost), or the look-up failed: never post blind.
                return earlier;
            }

            var reply = composer.Compose(calendar, post, index);
            var publishing = publisher.PublishAsync(calendar.Cohort.Target, reply, key.IdempotencyKey, calendar.Cohort.MentionRoleId, attempt.Token);

            // Waited on with the bound too: a publisher that does not watch its token must not outlive the bound either.
            return await publishing.WaitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return PublishResult.Transient($"no answer within {options.PublishTimeout.TotalSeconds:0.#} s (half the claim's lease); tried again under the same key");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A publisher that throws has not said the failure is permanent: try again later.
            return PublishResult.Transient(exception.GetType().Name + ": " + exception.Message);
        }
    }

    /// <summary>How far before a post's time an earlier attempt is looked for.</summary>
    public static readonly TimeSpan LookBackBeforeThePostTime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Where the platform does not drop resends itself: the post of an earlier attempt, found in the channel, as sent;
    /// a look-up that failed as a transient failure (posting without knowing could post twice); null to post.
    /// </summary>
    private static async Task<PublishResult?> FindEarlierAsync(IChatPublisher publisher, Cohort cohort, PlannedPost post, DeliveryKey key, CancellationToken cancellationToken)
    {
        if (publisher.DeduplicatesResends)
        {
            return null;
        }

        try
        {
            // From a little before the post time: a scheduler may fire early (EarlyFireTolerance), and the platform
            // stamps messages with its own clock, which need not agree with ours to the second.
            var since = post.PostAt - LookBackBeforeThePostTime;
            var found = await publisher.FindPublishedAsync(cohort.Target, key.IdempotencyKey, since, cancellationToken).ConfigureAwait(false);
            return found is null ? null : PublishResult.Sent(found);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return PublishResult.Transient($"could not check whether an earlier attempt arrived: {exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>
    /// Opens the post's discussion thread where the cohort wants one, and records it with the post, once: the ledger
    /// keeps the first thread recorded, and a platform asked again for the same post opens no second thread (Discord
    /// allows one per message, with the message's own id). A transient failure is left to the next reconciliation
    /// round; a permanent one is recorded as "-", not tried again. Never fails the post, which is out already.
    /// </summary>
    private async Task OpenThreadAsync(StudyCalendar calendar, PlannedPost post, DeliveryKey key, string messageId, CurriculumIndex index, CancellationToken cancellationToken)
    {
        var cohort = calendar.Cohort;
        if (!cohort.Threads || composer.ThreadName(calendar, post, index) is not { } name
            || publishers.FirstOrDefault(candidate => candidate.Platform == cohort.Target.Platform) is not { } publisher)
        {
            return;
        }

        try
        {
            var opened = await publisher.OpenThreadAsync(cohort.Target, messageId, name, cancellationToken).ConfigureAwait(false);
            if (opened.Outcome != PublishOutcome.TransientFailure)
            {
                var thread = opened.Outcome == PublishOutcome.Sent ? opened.MessageId ?? messageId : NoThread;
                await _ledger.MarkThreadAsync(key, thread, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Like a transient failure: reconciliation opens it later.
        }
    }

    /// <summary>What the ledger records for a thread that cannot be opened (no permission to), so that it is not tried again.</summary>
    public const string NoThread = "-";

    private async Task<DeliveryOutcome> SendAsync(StudyCalendar calendar, PlannedPost post, DeliveryKey key, int attempts, CurriculumIndex index, CancellationToken cancellationToken)
    {
        var cohort = calendar.Cohort;
        var publisher = publishers.FirstOrDefault(candidate => candidate.Platform == cohort.Target.Platform);
        PublishResult result;
        if (publisher is null)
        {
            result = PublishResult.Permanent($"no chat platform '{cohort.Target.Platform}' is configured");
        }
        else
        {
            result = await AttemptAsync(publisher, calendar, post, key, attempts, index, cancellationToken).ConfigureAwait(false);
        }

        // Once the platform has answered, its answer is recorded whatever happens to the caller: a host stopping now
        // (a failed start, a shutdown) must not leave a sent post unrecorded, to be sent again by the next start.
        var recording = CancellationToken.None;
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case PublishOutcome.Sent:
                await _ledger.MarkSentAsync(key, result.MessageId ?? "", now, recording).ConfigureAwait(false);
                if (result.MessageId is { Length: > 0 } messageId)
                {
                    await OpenThreadAsync(calendar, post, key, messageId, index, cancellationToken).ConfigureAwait(false);
                }

                return Settled(cohort, post, new DeliveryOutcome(DeliveryStatus.Sent, key, result.MessageId), now);
            case PublishOutcome.TransientFailure when attempts < options.MaxAttempts:
                var retryAt = now + options.RetryDelayAfter(attempts);
                await _ledger.MarkFailedAsync(key, result.Reason ?? "transient failure", permanent: false, retryAt, now, recording).ConfigureAwait(false);
                return Settled(cohort, post, new DeliveryOutcome(DeliveryStatus.WillRetry, key, result.Reason), now);
            default:
                var reason = result.Outcome == PublishOutcome.TransientFailure
                    ? $"gave up after {attempts} attempts: {result.Reason}"
                    : result.Reason ?? "permanent failure";
                await _ledger.MarkFailedAsync(key, reason, permanent: true, null, now, recording).ConfigureAwait(false);
                return Settled(cohort, post, new DeliveryOutcome(DeliveryStatus.Failed, key, reason), now);
        }
    }
}
