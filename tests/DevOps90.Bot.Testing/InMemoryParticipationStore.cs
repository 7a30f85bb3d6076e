using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Testing;

/// <summary>Check-ins in memory, with the rules of the SQL store (one per cohort, member and day).</summary>
public sealed class InMemoryParticipationStore : IParticipationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(CohortId, string, int), CheckIn> _checkIns = [];

    public Task<(bool Added, CheckIn Stored)> AddAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = (checkIn.Cohort, checkIn.MemberId, checkIn.Day);
            return Task.FromResult(_checkIns.TryAdd(key, checkIn) ? (true, checkIn) : (false, _checkIns[key]));
        }
    }

    public Task<bool> RemoveAsync(CohortId cohort, string memberId, int day, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_checkIns.Remove((cohort, memberId, day)));
        }
    }

    public Task<IReadOnlyList<CheckIn>> ForMemberAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default) =>
        Where(checkIn => checkIn.Cohort == cohort && checkIn.MemberId == memberId);

    public Task<IReadOnlyList<CheckIn>> ForCohortAsync(CohortId cohort, CancellationToken cancellationToken = default) =>
        Where(checkIn => checkIn.Cohort == cohort);

    public Task<int> ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var keys = _checkIns.Keys.Where(key => key.Item2 == memberId).ToList();
            keys.ForEach(key => _checkIns.Remove(key));
            return Task.FromResult(keys.Count);
        }
    }

    private Task<IReadOnlyList<CheckIn>> Where(Func<CheckIn, bool> predicate)
    {
        lock (_lock)
        {
            IReadOnlyList<CheckIn> found = [.. _checkIns.Values.Where(predicate).OrderBy(checkIn => checkIn.Day)];
            return Task.FromResult(found);
        }
    }
}
