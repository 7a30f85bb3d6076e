using System.Collections.Concurrent;
using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Delivery;

/// <summary>Why a cohort's due post is being delivered: its trigger fired, or a reconciliation round found it.</summary>
public enum DeliveryReason
{
    Scheduled,
    Reconciliation,
}

/// <summary>
/// One cohort handed to the dispatcher. <see cref="Done"/> ends with the outcome once delivered; with null when it was
/// not (left at a stop, cut short by it, or the delivery threw): the ledger then has it for the next reconciliation.
/// A class, not a record: two requests for one cohort are two requests.
/// </summary>
public sealed class DeliveryRequest(CohortId cohort, DeliveryReason reason)
{
    public CohortId Cohort { get; } = cohort;

    public DeliveryReason Reason { get; } = reason;

    public Task<DeliveryOutcome?> Done => Completion.Task;

    internal TaskCompletionSource<DeliveryOutcome?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Daily posts handed over to be sent: a trigger or a reconciliation round queues cohorts and returns at once, and up
/// to <see cref="DeliveryOptions.MaxConcurrentSends"/> async workers deliver them, so in a minute when thousands of
/// cohorts are due the platform's rate limit, not a thread pool, sets the pace. The ledger still decides everything
/// (<see cref="DailyPostService"/>): a cohort queued twice, or by two instances, posts once. A cohort already waiting
/// is not queued again. When the host stops, posts being sent are finished; those still waiting are left, unclaimed,
/// to the next start's reconciliation.
/// </summary>
public sealed class DeliveryDispatcher
{
    private readonly DailyPostService _delivery;
    private readonly BackgroundWorkers<DeliveryRequest> _queue;
    private readonly ConcurrentDictionary<CohortId, DeliveryRequest> _waiting = new();

    public DeliveryDispatcher(DailyPostService delivery, InFlightWork inFlight, DeliveryOptions options)
    {
        _delivery = delivery;
        _queue = new BackgroundWorkers<DeliveryRequest>(inFlight, options.MaxConcurrentSends, AtStop.LeaveQueued);
    }

    /// <summary>
    /// Queues the cohort's due post, or joins the request already waiting for it; null once the stop has begun
    /// (nothing was queued).
    /// </summary>
    public DeliveryRequest? Enqueue(CohortId cohort, DeliveryReason reason)
    {
        while (true)
        {
            if (_waiting.TryGetValue(cohort, out var waiting))
            {
                return waiting;
            }

            var request = new DeliveryRequest(cohort, reason);
            if (!_waiting.TryAdd(cohort, request))
            {
                continue;
            }

            if (_queue.TryEnqueue(request))
            {
                return request;
            }

            _waiting.TryRemove(new KeyValuePair<CohortId, DeliveryRequest>(cohort, request));
            return null;
        }
    }

    /// <summary>
    /// Delivers what is queued until the host stops (<paramref name="stopping"/>: see <see cref="BackgroundWorkers{T}.RunAsync"/>). <paramref name="delivered"/> hears every outcome (to log it, to
    /// update a leaderboard); <paramref name="failed"/> hears a delivery that threw (the ledger's store was
    /// unreachable, say): its post is retried by reconciliation.
    /// </summary>
    public Task RunAsync(Func<DeliveryRequest, DeliveryOutcome, CancellationToken, Task> delivered, Action<DeliveryRequest, Exception> failed, CancellationToken stopping) =>
        _queue.RunAsync(
            async (request, cancellationToken) =>
            {
                _waiting.TryRemove(new KeyValuePair<CohortId, DeliveryRequest>(request.Cohort, request));
                try
                {
                    var outcome = await _delivery.DeliverDueAsync(request.Cohort, cancellationToken).ConfigureAwait(false);
                    request.Completion.TrySetResult(outcome);
                    await delivered(request, outcome, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    // Not delivered: the stop cut it short, or it threw (which the failed callback hears).
                    request.Completion.TrySetResult(null);
                }
            },
            failed,
            stopping,
            request =>
            {
                _waiting.TryRemove(new KeyValuePair<CohortId, DeliveryRequest>(request.Cohort, request));
                request.Completion.TrySetResult(null);
            });
}
