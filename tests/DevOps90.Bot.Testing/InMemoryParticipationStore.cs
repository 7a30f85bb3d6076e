using System.Runtime.CompilerServices;
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

    public Task<IReadOnlyList<MemberStanding>> LeaderCandidatesAsync(CohortId cohort, DateTimeOffset? since, int currentDay, int size, StreakRules rules = default, CancellationToken cancellationToken = default)
    {
        var all = Snapshot(cohort);
        var streaks = Streaks(all, currentDay, rules);
        var inPeriod = all.Where(checkIn => since is null || checkIn.At >= since)
            .GroupBy(checkIn => checkIn.MemberId)
            .Select(group => new MemberStanding(group.Key, group.Count(), streaks[group.Key], group.Max(checkIn => checkIn.At)))
            .ToList();
        if (size <= 0 || inPeriod.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<MemberStanding>>([]);
        }

        var boundary = inPeriod.Select(standing => standing.DaysDone).OrderDescending().ElementAt(Math.Min(size, inPeriod.Count) - 1);
        return Task.FromResult<IReadOnlyList<MemberStanding>>([.. inPeriod.Where(standing => standing.DaysDone >= boundary)]);
    }

    public Task<MemberRank> RankAsync(CohortId cohort, MemberStanding member, int currentDay, StreakRules rules = default, CancellationToken cancellationToken = default)
    {
        var all = Snapshot(cohort);
        var streaks = Streaks(all, currentDay, rules);
        var standings = all.GroupBy(checkIn => checkIn.MemberId)
            .Select(group => new MemberStanding(group.Key, group.Count(), streaks[group.Key], group.Max(checkIn => checkIn.At)))
            .ToList();
        var ahead = standings.Count(standing => standing.MemberId != member.MemberId && MemberStanding.Ranking.Compare(standing, member) < 0);
        return Task.FromResult(new MemberRank(standings.Count, ahead));
    }

    public Task<CohortActivity> ActivityAsync(CohortId cohort, ActivityQuery query, CancellationToken cancellationToken = default)
    {
        var all = Snapshot(cohort);
        var byMember = all.GroupBy(checkIn => checkIn.MemberId).ToList();
        return Task.FromResult(new CohortActivity(
            byMember.Count(member => member.Any(checkIn => checkIn.At >= query.TodayFrom && checkIn.At < query.TodayUntil)),
            byMember.Count(member => member.Any(checkIn => checkIn.At >= query.WeekFrom)),
            byMember.Count,
            all.Where(checkIn => checkIn.Day >= query.FirstDay && checkIn.Day <= query.LastDay).GroupBy(checkIn => checkIn.Day).ToDictionary(group => group.Key, group => group.Count()),
            [.. byMember.Where(member => member.Max(checkIn => checkIn.At) < query.InactiveBefore).Select(member => member.Key)]));
    }

    public Task<IReadOnlyList<LessonActivity>> LessonActivityAsync(CohortId cohort, IReadOnlyList<LessonWindow> windows, CancellationToken cancellationToken = default)
    {
        var all = Snapshot(cohort);
        return Task.FromResult<IReadOnlyList<LessonActivity>>([.. windows.Select(window => new LessonActivity(
            window.Day,
            all.Count(checkIn => checkIn.Day == window.Day),
            all.Where(checkIn => checkIn.At >= window.From && checkIn.At < window.Until).Select(checkIn => checkIn.MemberId).Distinct().Count()))]);
    }

    public async IAsyncEnumerable<CheckIn> StreamCohortAsync(
        CohortId cohort, DateTimeOffset? from = null, DateTimeOffset? until = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ordered = Snapshot(cohort)
            .Where(checkIn => (from is null || checkIn.At >= from) && (until is null || checkIn.At < until))
            .OrderBy(checkIn => checkIn.Day)
            .ThenBy(checkIn => checkIn.At)
            .ThenBy(checkIn => checkIn.MemberId, StringComparer.Ordinal);
        foreach (var checkIn in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return checkIn;
        }
    }

    private static Dictionary<string, int> Streaks(IReadOnlyList<CheckIn> all, int currentDay, StreakRules rules) =>
        all.GroupBy(checkIn => checkIn.MemberId)
            .ToDictionary(group => group.Key, group => Core.Participation.Streaks.Current(group.Select(checkIn => checkIn.Day).ToHashSet(), currentDay, rules));

    private List<CheckIn> Snapshot(CohortId cohort)
    {
        lock (_lock)
        {
            return [.. _checkIns.Values.Where(checkIn => checkIn.Cohort == cohort)];
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
