using System.Collections.Concurrent;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Testing;

public sealed class InMemoryLeaderboardMessageStore : ILeaderboardMessageStore
{
    private readonly ConcurrentDictionary<CohortId, LeaderboardMessageRef> _messages = new();

    public Task<LeaderboardMessageRef?> FindAsync(CohortId cohort, CancellationToken cancellationToken = default) =>
        Task.FromResult(_messages.GetValueOrDefault(cohort));

    public Task SaveAsync(LeaderboardMessageRef message, CancellationToken cancellationToken = default)
    {
        _messages[message.Cohort] = message;
        return Task.CompletedTask;
    }
}
