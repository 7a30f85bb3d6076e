using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Core.Delivery;

/// <summary>
/// Hands every cohort of a post slot to the delivery dispatcher at once, when the slot's trigger fires here or another
/// instance says it fired there. The dispatcher sends them side by side, paced by the platform's rate limit alone.
/// Each instance takes them in an order of its own (shuffled), so that instances sending one slot together mostly
/// claim different posts instead of queueing behind one another's claims; the ledger lets each post through once.
/// </summary>
public sealed class PostSlotFanout(ICohortDirectory cohorts, DeliveryDispatcher dispatcher)
{
    /// <summary>How many cohorts were queued; null once the stop has begun (the rest is left to the next start).</summary>
    public int? Dispatch(PostSlot slot, DeliveryReason reason)
    {
        var due = cohorts.All.Where(cohort => slot.Holds(cohort) && !cohort.IsPaused).ToArray();
        Random.Shared.Shuffle(due);
        foreach (var cohort in due)
        {
            if (dispatcher.Enqueue(cohort.Id, reason) is null)
            {
                return null;
            }
        }

        return due.Length;
    }
}
