using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Storage;

/// <summary>Each cohort's leaderboard message, one row per cohort.</summary>
public sealed class SqlLeaderboardMessageStore(IDatabase database, TimeProvider time) : ILeaderboardMessageStore
{
    public async Task<LeaderboardMessageRef?> FindAsync(CohortId cohort, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT target AS Target, message_id AS MessageId FROM leaderboard_messages WHERE cohort_id = @Cohort",
            new { Cohort = cohort.Value, cancellationToken }).ConfigureAwait(false);
        return row is { } found ? new LeaderboardMessageRef(cohort, ChatTarget.Parse(found.Target), found.MessageId) : null;
    }

    public async Task SaveAsync(LeaderboardMessageRef message, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO leaderboard_messages (cohort_id, target, message_id, updated_at) VALUES (@Cohort, @Target, @MessageId, @Now) " +
            "ON CONFLICT (cohort_id) DO UPDATE SET target = excluded.target, message_id = excluded.message_id, updated_at = excluded.updated_at",
            new { Cohort = message.Cohort.Value, Target = message.Target.ToString(), message.MessageId, Now = time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken }).ConfigureAwait(false);
    }

    internal sealed class Row
    {
        public string Target { get; set; } = "";

        public string MessageId { get; set; } = "";
    }
}
