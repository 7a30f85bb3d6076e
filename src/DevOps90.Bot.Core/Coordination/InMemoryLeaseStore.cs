namespace DevOps90.Bot.Core.Coordination;

/// <summary>
/// Leases in this process's memory: the default, right for one instance (SQLite's shape) and for tests. Every
/// operation runs under one lock, so concurrent callers see the same contract a SQL store gives across machines.
/// </summary>
public sealed class InMemoryLeaseStore : ILeaseStore
{
    private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        lock (_lock)
        {
            if (_leases.TryGetValue(name, out var current) && current.ExpiresAt > now && current.Holder != owner)
            {
                return Task.FromResult(false);
            }

            _leases[name] = new Lease(name, owner, now + ttl);
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var released = _leases.TryGetValue(name, out var current) && current.Holder == owner && _leases.Remove(name);
            return Task.FromResult(released);
        }
    }

    public Task<IReadOnlyList<Lease>> ListAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Lease> live = [.. _leases.Values
                .Where(lease => lease.Name.StartsWith(prefix, StringComparison.Ordinal) && lease.ExpiresAt > now)
                .OrderBy(lease => lease.Name, StringComparer.Ordinal)];
            return Task.FromResult(live);
        }
    }
}
