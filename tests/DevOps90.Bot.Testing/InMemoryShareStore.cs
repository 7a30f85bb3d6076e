using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Testing;

/// <summary>Shares in memory, with the rules of the SQL store (one per cohort, member and day).</summary>
public sealed class InMemoryShareStore : IShareStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(CohortId, string, int), Share> _shares = [];

    public Task<bool> AddAsync(Share share, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_shares.TryAdd((share.Cohort, share.MemberId, share.Day), share));
        }
    }

    public Task<IReadOnlyList<Share>> ForMemberAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default) =>
        Select(share => share.Cohort == cohort && share.MemberId == memberId);

    public Task<IReadOnlyList<Share>> ForCohortAsync(CohortId cohort, CancellationToken cancellationToken = default) =>
        Select(share => share.Cohort == cohort);

    public async Task<IReadOnlyList<ShareCount>> TopAsync(CohortId cohort, int size, CancellationToken cancellationToken = default) =>
        [.. (await ForCohortAsync(cohort, cancellationToken)).GroupBy(share => share.MemberId)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Min(share => share.At)).ThenBy(group => group.Key, StringComparer.Ordinal)
            .Take(size)
            .Select(group => new ShareCount(group.Key, group.Count()))];

    public Task ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var key in _shares.Keys.Where(key => key.Item2 == memberId).ToList())
            {
                _shares.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private Task<IReadOnlyList<Share>> Select(Func<Share, bool> wanted)
    {
        lock (_lock)
        {
            IReadOnlyList<Share> found = [.. _shares.Values.Where(wanted).OrderByDescending(share => share.Day)];
            return Task.FromResult(found);
        }
    }
}
