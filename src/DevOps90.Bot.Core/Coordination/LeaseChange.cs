namespace DevOps90.Bot.Core.Coordination;

public enum LeaseChangeKind
{
    /// <summary>This instance took the slot and started its work.</summary>
    Taken,

    /// <summary>The slot's renewal failed (another instance holds it, or the store could not confirm it in time): its work was stopped at once.</summary>
    Lost,

    /// <summary>This instance gave the slot back (stopping, or balancing towards other instances) after its work ended.</summary>
    Released,

    /// <summary>Another instance holds the slot now, or (holder null) nobody does.</summary>
    HeldElsewhere,

    /// <summary>The slot's work ended by itself; the slot was given back for any instance to take again.</summary>
    WorkEnded,

    /// <summary>The lease store failed; held leases stay held until they would lapse.</summary>
    StoreFailed,
}

/// <summary>Something a <see cref="LeaseSupervisor"/> did or saw, for the logs.</summary>
public sealed record LeaseChange(LeaseChangeKind Kind, LeaseSlot? Slot = null, string? Holder = null, string? Reason = null, Exception? Error = null);

/// <summary>Hears every <see cref="LeaseChange"/> (the host logs them); must not throw.</summary>
public interface ILeaseObserver
{
    void OnChange(LeaseChange change);
}
