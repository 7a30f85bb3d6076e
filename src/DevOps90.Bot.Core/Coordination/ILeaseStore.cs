namespace DevOps90.Bot.Core.Coordination;

/// <summary>
/// Named leases shared by every instance of the bot: who runs a gateway shard or the Socket Mode connection, which
/// instances are alive. A lease is held until its expiry; at that instant it is free again. Every operation is atomic
/// on its own (a SQL store does each in one statement), so concurrent callers on several machines agree on one holder.
/// The caller passes <c>now</c>, as with <see cref="Delivery.IDeliveryLedger"/>: instances must keep their clocks in
/// step (NTP), since one instance's expiry is read against another's clock.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="owner"/> until <paramref name="now"/> + <paramref name="ttl"/>
    /// when it is free, expired, or already <paramref name="owner"/>'s (a renewal); returns whether the caller holds it.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Frees <paramref name="name"/> if <paramref name="owner"/> holds it; someone else's lease is left alone.</summary>
    Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default);

    /// <summary>The leases whose name starts with <paramref name="prefix"/> and that are still held at <paramref name="now"/>, by name.</summary>
    Task<IReadOnlyList<Lease>> ListAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken = default);
}
