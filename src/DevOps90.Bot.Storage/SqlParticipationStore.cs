using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Storage;

/// <summary>Check-ins in the bot's database; the primary key makes a repeated check-in a no-op.</summary>
public sealed class SqlParticipationStore(IDatabase database) : IParticipationStore
{
    // The statements that take their per-member part from the dialect pass no cancellation token in their parameters:
    // for a statement that is not a constant, Dapper.AOT 1.1.0 generates code that does not compile (CS0103 'cmd'),
    // and GappedStreaksAsync passes none either. The connection is still opened with the token.
    private const string Columns = "cohort_id AS CohortId, member_id AS MemberId, day AS Day, at AS At, late AS Late";

    // Streaks.Current from SqlDialect.StreakAggregates: 0 when neither the current day nor the one before is done and
    // too few days were done to earn a freeze (@FreezeEvery 0: none ever); the whole range when it reaches the day
    // before the current one without a gap (days before the first break nothing that a freeze could mend); NULL (read
    // the member's days and walk them) otherwise.
    private const string StreakFromRange =
        "CASE WHEN nle = 0 OR (hi < @Current - 1 AND (@FreezeEvery = 0 OR nle < @FreezeEvery)) THEN 0 " +
        "WHEN hi >= @Current - 1 AND hi - lo + 1 = nle THEN nle END";

    public async Task<(bool Added, CheckIn Stored)> AddAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var added = await connection.ExecuteAsync(
            "INSERT INTO check_ins (cohort_id, member_id, day, at, late) VALUES (@Cohort, @Member, @Day, @At, @Late) " +
            "ON CONFLICT (cohort_id, member_id, day) DO NOTHING",
            new { Cohort = checkIn.Cohort.Value, Member = checkIn.MemberId, checkIn.Day, At = checkIn.At.ToUnixTimeMilliseconds(), Late = checkIn.IsLate ? 1 : 0, cancellationToken }).ConfigureAwait(false);
        if (added == 1)
        {
            return (true, checkIn);
        }

        var stored = await connection.QuerySingleAsync<Row>(
            $"SELECT {Columns} FROM check_ins WHERE cohort_id = @Cohort AND member_id = @Member AND day = @Day",
            new { Cohort = checkIn.Cohort.Value, Member = checkIn.MemberId, checkIn.Day, cancellationToken }).ConfigureAwait(false);
        return (false, stored.ToCheckIn());
    }

    public async Task<bool> RemoveAsync(CohortId cohort, string memberId, int day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            "DELETE FROM check_ins WHERE cohort_id = @Cohort AND member_id = @Member AND day = @Day",
            new { Cohort = cohort.Value, Member = memberId, Day = day, cancellationToken }).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<CheckIn>> ForMemberAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default) =>
        ToCheckIns(await database.RunAsync(
            connection => connection.QueryAsync<Row>(
                $"SELECT {Columns} FROM check_ins WHERE cohort_id = @Cohort AND member_id = @Member ORDER BY day",
                new { Cohort = cohort.Value, Member = memberId, cancellationToken }),
            cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<CheckIn>> ForCohortAsync(CohortId cohort, CancellationToken cancellationToken = default) =>
        ToCheckIns(await database.RunAsync(
            connection => connection.QueryAsync<Row>($"SELECT {Columns} FROM check_ins WHERE cohort_id = @Cohort", new { Cohort = cohort.Value, cancellationToken }),
            cancellationToken).ConfigureAwait(false));

    public async Task<int> ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        int deleted;
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            deleted = await connection.ExecuteAsync(
                "DELETE FROM check_ins WHERE member_id = @Member",
                new { Member = memberId, cancellationToken }).ConfigureAwait(false);
        }

        await database.ScrubAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public async Task<IReadOnlyList<MemberStanding>> LeaderCandidatesAsync(CohortId cohort, DateTimeOffset? since, int currentDay, int size, StreakRules rules = default, CancellationToken cancellationToken = default)
    {
        if (size <= 0)
        {
            return [];
        }

        // Per member (SqlDialect.Standings) the period's count and last check-in, then the boundary count (the size-th
        // highest), and the streak of each candidate from its day range.
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<StandingRow>(
            $"""
            WITH per AS MATERIALIZED ({database.Dialect.Standings(since is not null)}),
            boundary AS (SELECT n FROM per WHERE n > 0 ORDER BY n DESC LIMIT 1 OFFSET @Size - 1)
            SELECT member_id AS MemberId, n AS DaysDone, last AS LastAt, {StreakFromRange} AS Streak
            FROM per WHERE n > 0 AND n >= COALESCE((SELECT n FROM boundary), 1)
            """,
            new { Cohort = cohort.Value, Since = since?.ToUnixTimeMilliseconds() ?? long.MinValue, Current = currentDay, Size = size, FreezeEvery = FreezeEvery(rules) }).ConfigureAwait(false)).ToList();
        var streaks = await GappedStreaksAsync(connection, cohort, rows.Where(row => row.Streak is null).Select(row => row.MemberId!), currentDay, rules, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(row => row.ToStanding(streaks))];
    }

    public async Task<MemberRank> RankAsync(CohortId cohort, MemberStanding member, int currentDay, StreakRules rules = default, CancellationToken cancellationToken = default)
    {
        // A COUNT over the members ranked above, in the same pass as the member count (the first row, MemberId null).
        // Ties the SQL cannot settle come back as rows: members whose days have a gap (their streak needs their days)
        // unless their streak cannot reach this one (a streak counts days done, so it is at most their count), and full ties, which go by member id in .NET's ordinal order.
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<StandingRow>(
            $"""
            WITH per AS MATERIALIZED ({database.Dialect.Standings(false)}),
            ranked AS MATERIALIZED (SELECT member_id, n, last, nle, {StreakFromRange} AS streak FROM per)
            SELECT NULL AS MemberId, COUNT(*) AS DaysDone,
                   COUNT(CASE WHEN n > @Days OR (n = @Days AND member_id <> @Member AND (streak > @Streak OR (streak = @Streak AND last < @Last))) THEN 1 END) AS LastAt,
                   NULL AS Streak
            FROM ranked
            UNION ALL
            SELECT member_id, n, last, streak FROM ranked
            WHERE n = @Days AND member_id <> @Member AND ((streak IS NULL AND nle >= @Streak) OR (streak = @Streak AND last = @Last))
            """,
            new { Cohort = cohort.Value, Current = currentDay, Days = member.DaysDone, Member = member.MemberId, member.Streak, Last = member.LastCheckIn.ToUnixTimeMilliseconds(), FreezeEvery = FreezeEvery(rules) }).ConfigureAwait(false)).ToList();
        var counts = rows.Single(row => row.MemberId is null);
        var ties = rows.Where(row => row.MemberId is not null).ToList();
        var streaks = await GappedStreaksAsync(connection, cohort, ties.Where(row => row.Streak is null).Select(row => row.MemberId!), currentDay, rules, cancellationToken).ConfigureAwait(false);
        var tiedAhead = ties.Count(row => MemberStanding.Ranking.Compare(row.ToStanding(streaks), member) < 0);
        return new MemberRank((int)counts.DaysDone, (int)counts.LastAt + tiedAhead);
    }

    public async Task<CohortActivity> ActivityAsync(CohortId cohort, ActivityQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new
        {
            Cohort = cohort.Value,
            TodayFrom = query.TodayFrom.ToUnixTimeMilliseconds(),
            TodayUntil = query.TodayUntil.ToUnixTimeMilliseconds(),
            WeekFrom = query.WeekFrom.ToUnixTimeMilliseconds(),
            InactiveBefore = query.InactiveBefore.ToUnixTimeMilliseconds(),
            query.FirstDay,
            query.LastDay,
        };
        // Members and the inactive ones from each member's latest check-in: the count is the first row.
        var members = (await connection.QueryAsync<MemberCountRow>(
            $"""
            WITH per AS MATERIALIZED ({database.Dialect.LastCheckIns})
            SELECT NULL AS MemberId, COUNT(*) AS Count FROM per
            UNION ALL
            SELECT member_id, 0 FROM per WHERE last < @InactiveBefore
            """,
            parameters).ConfigureAwait(false)).ToList();
        var active = await connection.QuerySingleAsync<ActiveRow>(database.Dialect.ActiveMembers, parameters).ConfigureAwait(false);
        // A range of (cohort_id, day, at): only these days' check-ins.
        var perDay = await connection.QueryAsync<DayCountRow>(
            "SELECT day AS Day, COUNT(*) AS Count FROM check_ins WHERE cohort_id = @Cohort AND day >= @FirstDay AND day <= @LastDay GROUP BY day",
            parameters).ConfigureAwait(false);
        return new CohortActivity(
            (int)active.Today,
            (int)active.Week,
            (int)members.Single(row => row.MemberId is null).Count,
            perDay.ToDictionary(row => (int)row.Day, row => (int)row.Count),
            [.. members.Where(row => row.MemberId is not null).Select(row => row.MemberId!)]);
    }

    public async Task<IReadOnlyList<LessonActivity>> LessonActivityAsync(CohortId cohort, IReadOnlyList<LessonWindow> windows, CancellationToken cancellationToken = default)
    {
        if (windows.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One row per window, in their order; each count is a range of (cohort_id, day, at) or (cohort_id, at, member_id).
        var rows = await database.Dialect.LessonActivityAsync(connection, cohort, windows, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(row => new LessonActivity((int)row.Day, (int)row.CheckIns, (int)row.Active))];
    }

    public async IAsyncEnumerable<CheckIn> StreamCohortAsync(
        CohortId cohort, DateTimeOffset? from = null, DateTimeOffset? until = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // (cohort_id, day, at) gives the order without sorting the cohort first; member_id only orders equal instants.
        command.CommandText =
            "SELECT member_id, day, at, late FROM check_ins WHERE cohort_id = @Cohort AND at >= @From AND at < @Until ORDER BY day, at, member_id";
        command.AddParameter("@Cohort", cohort.Value);
        command.AddParameter("@From", from?.ToUnixTimeMilliseconds() ?? long.MinValue);
        command.AddParameter("@Until", until?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new CheckIn(cohort, reader.GetString(0), reader.GetInt32(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt64(3) != 0);
        }
    }

    // A streak is never longer than the days done, nor can a freeze come before FreezeEvery of them (0: no freezes).
    private static int FreezeEvery(StreakRules rules) => rules.HasFreezes ? rules.FreezeEvery : 0;

    // Current streaks (Streaks.Current) of members whose days up to the current one have a gap, from their days.
    private async Task<Dictionary<string, int>> GappedStreaksAsync(DbConnection connection, CohortId cohort, IEnumerable<string> members, int currentDay, StreakRules rules, CancellationToken cancellationToken)
    {
        var wanted = members.ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var days = await connection.QueryAsync<MemberDayRow>(
            $"SELECT member_id AS MemberId, day AS Day FROM check_ins WHERE cohort_id = @Cohort AND day <= @Current AND {database.Dialect.IsOneOf("member_id", "@Members")}",
            new { Cohort = cohort.Value, Current = currentDay, Members = database.Dialect.ListOf(wanted) }).ConfigureAwait(false);
        return days.GroupBy(row => row.MemberId)
            .ToDictionary(group => group.Key, group => Streaks.Current(group.Select(row => (int)row.Day).ToHashSet(), currentDay, rules));
    }

    private static IReadOnlyList<CheckIn> ToCheckIns(IEnumerable<Row> rows) => [.. rows.Select(row => row.ToCheckIn())];

    internal sealed class MemberCountRow
    {
        public string? MemberId { get; set; }

        public long Count { get; set; }
    }

    internal sealed class ActiveRow
    {
        public long Today { get; set; }

        public long Week { get; set; }
    }

    internal sealed class DayCountRow
    {
        public long Day { get; set; }

        public long Count { get; set; }
    }

    internal sealed class MemberDayRow
    {
        public string MemberId { get; set; } = "";

        public long Day { get; set; }
    }

    internal sealed class StandingRow
    {
        public string? MemberId { get; set; }

        public long DaysDone { get; set; }

        public long LastAt { get; set; }

        public long? Streak { get; set; }

        public MemberStanding ToStanding(Dictionary<string, int> gappedStreaks) =>
            new(MemberId!, (int)DaysDone, Streak is { } streak ? (int)streak : gappedStreaks.GetValueOrDefault(MemberId!), DateTimeOffset.FromUnixTimeMilliseconds(LastAt));
    }

    internal sealed class Row
    {
        public string CohortId { get; set; } = "";

        public string MemberId { get; set; } = "";

        public long Day { get; set; }

        public long At { get; set; }

        public long Late { get; set; }

        public CheckIn ToCheckIn() => new(new CohortId(CohortId), MemberId, (int)Day, DateTimeOffset.FromUnixTimeMilliseconds(At), Late != 0);
    }
}
