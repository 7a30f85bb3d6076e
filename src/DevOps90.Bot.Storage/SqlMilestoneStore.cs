using Dapper;
using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Storage;

/// <summary>
/// Milestones, opt-outs and refused roles; the same statements on SQLite and PostgreSQL. Recording a milestone or a
/// refused role is one insert that does nothing when the row exists: of two instances, one congratulates.
/// </summary>
public sealed class SqlMilestoneStore(IDatabase database) : IMilestoneStore
{
    public async Task<bool> TryReachAsync(CohortId cohort, string memberId, int days, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await database.RunAsync(
            connection => connection.ExecuteAsync(
                "INSERT INTO milestones (cohort_id, member_id, days, reached_at) VALUES (@Cohort, @Member, @Days, @At) " +
                "ON CONFLICT (cohort_id, member_id, days) DO NOTHING",
                new { Cohort = cohort.Value, Member = memberId, Days = days, At = at.ToUnixTimeMilliseconds(), cancellationToken }),
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<IReadOnlyList<int>> ReachedAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var days = await connection.QueryAsync<long>(
            "SELECT days FROM milestones WHERE cohort_id = @Cohort AND member_id = @Member ORDER BY days",
            new { Cohort = cohort.Value, Member = memberId, cancellationToken }).ConfigureAwait(false);
        return [.. days.Select(day => (int)day)];
    }

    public Task SetOptedOutAsync(string memberId, bool optedOut, CancellationToken cancellationToken = default) =>
        database.RunAsync(
            connection => optedOut
                ? connection.ExecuteAsync(
                    "INSERT INTO milestone_opt_outs (member_id) VALUES (@Member) ON CONFLICT (member_id) DO NOTHING", new { Member = memberId, cancellationToken })
                : connection.ExecuteAsync("DELETE FROM milestone_opt_outs WHERE member_id = @Member", new { Member = memberId, cancellationToken }),
            cancellationToken);

    public async Task<bool> IsOptedOutAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM milestone_opt_outs WHERE member_id = @Member",
            new { Member = memberId, cancellationToken }).ConfigureAwait(false) > 0;
    }

    public async Task<bool> NoteRoleProblemAsync(MilestoneRoleProblem problem, CancellationToken cancellationToken = default) =>
        await database.RunAsync(
            connection => connection.ExecuteAsync(
                "INSERT INTO milestone_role_problems (cohort_id, role_id, reason, noted_at) VALUES (@Cohort, @Role, @Reason, @At) " +
                "ON CONFLICT (cohort_id) DO NOTHING",
                new { Cohort = problem.Cohort.Value, Role = problem.RoleId, problem.Reason, At = problem.At.ToUnixTimeMilliseconds(), cancellationToken }),
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<MilestoneRoleProblem?> RoleProblemAsync(CohortId cohort, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ProblemRow>(
            "SELECT role_id AS RoleId, reason AS Reason, noted_at AS NotedAt FROM milestone_role_problems WHERE cohort_id = @Cohort",
            new { Cohort = cohort.Value, cancellationToken }).ConfigureAwait(false);
        return row is null ? null : new MilestoneRoleProblem(cohort, row.RoleId, row.Reason, DateTimeOffset.FromUnixTimeMilliseconds(row.NotedAt));
    }

    public Task ClearRoleProblemAsync(CohortId cohort, CancellationToken cancellationToken = default) =>
        database.RunAsync(connection => connection.ExecuteAsync("DELETE FROM milestone_role_problems WHERE cohort_id = @Cohort", new { Cohort = cohort.Value, cancellationToken }), cancellationToken);

    public async Task ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await database.RunAsync(connection => connection.ExecuteAsync("DELETE FROM milestones WHERE member_id = @Member", new { Member = memberId, cancellationToken }), cancellationToken).ConfigureAwait(false);
        await database.RunAsync(connection => connection.ExecuteAsync("DELETE FROM milestone_opt_outs WHERE member_id = @Member", new { Member = memberId, cancellationToken }), cancellationToken).ConfigureAwait(false);
    }

    internal sealed class ProblemRow
    {
        public string RoleId { get; set; } = "";

        public string Reason { get; set; } = "";

        public long NotedAt { get; set; }
    }
}
