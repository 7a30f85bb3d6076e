using Dapper;
using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;

namespace DevOps90.Bot.Storage;

/// <summary>Members' shares; the same statements on SQLite and PostgreSQL. The insert is one statement, so one share per day wins.</summary>
public sealed class SqlShareStore(IDatabase database) : IShareStore
{
    private const string Columns = "cohort_id AS CohortId, member_id AS MemberId, day AS Day, url AS Url, note AS Note, shared_at AS SharedAt";

    public async Task<bool> AddAsync(Share share, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            "INSERT INTO shares (cohort_id, member_id, day, url, note, shared_at) VALUES (@Cohort, @Member, @Day, @Url, @Note, @At) " +
            "ON CONFLICT (cohort_id, member_id, day) DO NOTHING",
            new { Cohort = share.Cohort.Value, Member = share.MemberId, share.Day, share.Url, share.Note, At = share.At.ToUnixTimeMilliseconds(), cancellationToken }).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<Share>> ForMemberAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default) =>
        ToShares(await database.RunAsync(
            connection => connection.QueryAsync<Row>(
                $"SELECT {Columns} FROM shares WHERE cohort_id = @Cohort AND member_id = @Member ORDER BY day DESC",
                new { Cohort = cohort.Value, Member = memberId, cancellationToken }),
            cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<Share>> ForCohortAsync(CohortId cohort, CancellationToken cancellationToken = default) =>
        ToShares(await database.RunAsync(
            connection => connection.QueryAsync<Row>($"SELECT {Columns} FROM shares WHERE cohort_id = @Cohort", new { Cohort = cohort.Value, cancellationToken }),
            cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<ShareCount>> TopAsync(CohortId cohort, int size, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CountRow>(
            "SELECT member_id AS MemberId, COUNT(*) AS Shares FROM shares WHERE cohort_id = @Cohort GROUP BY member_id " +
            "ORDER BY COUNT(*) DESC, MIN(shared_at), member_id LIMIT @Size",
            new { Cohort = cohort.Value, Size = size, cancellationToken }).ConfigureAwait(false);
        return [.. rows.Select(row => new ShareCount(row.MemberId, (int)row.Shares))];
    }

    public async Task ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("DELETE FROM shares WHERE member_id = @Member", new { Member = memberId, cancellationToken }).ConfigureAwait(false);
    }

    private static IReadOnlyList<Share> ToShares(IEnumerable<Row> rows) =>
        [.. rows.Select(row => new Share(new CohortId(row.CohortId), row.MemberId, (int)row.Day, row.Url, row.Note, DateTimeOffset.FromUnixTimeMilliseconds(row.SharedAt)))];

    internal sealed class CountRow
    {
        public string MemberId { get; set; } = "";

        public long Shares { get; set; }
    }

    internal sealed class Row
    {
        public string CohortId { get; set; } = "";

        public string MemberId { get; set; } = "";

        public long Day { get; set; }

        public string Url { get; set; } = "";

        public string? Note { get; set; }

        public long SharedAt { get; set; }
    }
}
