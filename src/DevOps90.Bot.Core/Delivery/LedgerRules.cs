namespace DevOps90.Bot.Core.Delivery;

/// <summary>The ledger's decisions, the same for every store.</summary>
public static class LedgerRules
{
    /// <summary>Sent, skipped, or failed for good: nothing more will happen to it.</summary>
    public static bool IsSettled(DeliveryRecord record) =>
        record.State is DeliveryState.Sent or DeliveryState.Skipped || record is { State: DeliveryState.Failed, IsPermanent: true };

    /// <summary>
    /// A claim whose lease ran out (its holder crashed between claiming and recording the result), or a transient
    /// failure whose retry time has come, may be taken again.
    /// </summary>
    public static bool MayReclaim(DeliveryRecord record, DateTimeOffset now, TimeSpan lease) => record.State switch
    {
        DeliveryState.Claimed => record.UpdatedAt + lease <= now,
        DeliveryState.Failed => !record.IsPermanent && record.NextAttemptAt <= now,
        _ => false,
    };
}
