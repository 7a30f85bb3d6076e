namespace DevOps90.Bot.Core.Coordination;

/// <summary>One lease a <see cref="LeaseSupervisor"/> may hold, and the work it runs while it does.</summary>
/// <param name="Name">The lease's name in the store ("discord:shard:3").</param>
/// <param name="Number">Its number among its kind (the shard id; 0 for a single connection).</param>
/// <param name="Label">How the logs name it ("Discord shard 3/8").</param>
public sealed record LeaseSlot(string Name, int Number, string Label);

/// <summary>
/// What a <see cref="LeaseSupervisor"/> competes for: <see cref="Slots"/>, all named under <see cref="Prefix"/>, and
/// with <see cref="InstancePrefix"/> set, a heartbeat lease per instance there so that the instances share the slots
/// out instead of the first one taking them all.
/// </summary>
public sealed record LeasePlan(string Prefix, IReadOnlyList<LeaseSlot> Slots, string? InstancePrefix = null)
{
    /// <summary>How long a lease lasts unless renewed: how long a dead instance's work waits for another one to take it.</summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often held leases are renewed (and free ones looked at): two renewals may fail before a lease lapses.</summary>
    public TimeSpan RenewEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>An instance above its share gives back at most one slot this often, so a newcomer gets its share without churn.</summary>
    public TimeSpan RebalanceEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A plan of one slot, held by one instance at a time, without balancing.</summary>
    public static LeasePlan OneSlot(string name, string label) => new(name, [new LeaseSlot(name, 0, label)]);

    /// <summary>
    /// Who holds each slot at <paramref name="now"/>, in the plan's order, as /status shows it: each slot a connection
    /// of <paramref name="kind"/> numbered by <see cref="LeaseSlot.Number"/>, one of <see cref="Slots"/>.Count.
    /// </summary>
    public async Task<IReadOnlyList<HeldConnection>> ConnectionsAsync(
        ILeaseStore store, ConnectionKind kind, string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var held = (await store.ListAsync(Prefix, now, cancellationToken).ConfigureAwait(false))
            .ToDictionary(lease => lease.Name, lease => lease.Holder, StringComparer.Ordinal);
        return [.. Slots.Select(slot => Connection(kind, slot, held.GetValueOrDefault(slot.Name), owner))];
    }

    private HeldConnection Connection(ConnectionKind kind, LeaseSlot slot, string? holder, string owner) =>
        new(kind, slot.Number, Slots.Count, holder, holder == owner);
}
