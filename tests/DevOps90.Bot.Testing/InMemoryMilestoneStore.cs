using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Testing;

/// <summary>Milestones in memory, with the rules of the SQL store.</summary>
public sealed class InMemoryMilestoneStore : IMilestoneStore
{
    private readonly Lock _lock = new();
    private readonly HashSet<(CohortId, string, int)> _reached = [];
    private readonly HashSet<string> _optedOut = new(StringComparer.Ordinal);
    private readonly Dictionary<CohortId, MilestoneRoleProblem> _problems = [];

    public Task<bool> TryReachAsync(CohortId cohort, string memberId, int days, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Locked(() => _reached.Add((cohort, memberId, days)));

    public Task<IReadOnlyList<int>> ReachedAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyList<int>>(() => [.. _reached.Where(item => item.Item1 == cohort && item.Item2 == memberId).Select(item => item.Item3).Order()]);

    public Task SetOptedOutAsync(string memberId, bool optedOut, CancellationToken cancellationToken = default) =>
        Locked(() => optedOut ? _optedOut.Add(memberId) : _optedOut.Remove(memberId));

    public Task<bool> IsOptedOutAsync(string memberId, CancellationToken cancellationToken = default) =>
        Locked(() => _optedOut.Contains(memberId));

    public Task<bool> NoteRoleProblemAsync(MilestoneRoleProblem problem, CancellationToken cancellationToken = default) =>
        Locked(() => _problems.TryAdd(problem.Cohort, problem));

    public Task<MilestoneRoleProblem?> RoleProblemAsync(CohortId cohort, CancellationToken cancellationToken = default) =>
        Locked(() => _problems.GetValueOrDefault(cohort));

    public Task ClearRoleProblemAsync(CohortId cohort, CancellationToken cancellationToken = default) =>
        Locked(() => _problems.Remove(cohort));

    public Task ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default) =>
        Locked(() => _reached.RemoveWhere(item => item.Item2 == memberId) + (_optedOut.Remove(memberId) ? 1 : 0));

    private Task<T> Locked<T>(Func<T> action)
    {
        lock (_lock)
        {
            return Task.FromResult(action());
        }
    }
}
