using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Storage;

/// <summary>Check-ins in the bot's database; the primary key makes a repeated check-in a no-op.</summary>
public sealed class SqlParticipationStore(IDatabase database) : IParticipationStore
{
    private const string Columns = "cohort_id AS CohortId, member_id AS MemberId, day AS Day, at AS At, late AS Late";

    public async Task<(bool Added, CheckIn Stored)> AddAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO check_ins (cohort_id, member_id, day, at, late) VALUES (@Cohort, @Member, @Day, @At, @Late) " +
            "ON CONFLICT (cohort_id, member_id, day) DO NOTHING",
            new { Cohort = checkIn.Cohort.Value, Member = checkIn.MemberId, checkIn.Day, At = checkIn.At.ToUnixTimeMilliseconds(), Late = checkIn.IsLate ? 1 : 0 },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (added == 1)
        {
            return (true, checkIn);
        }

        var stored = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM check_ins WHERE cohort_id = @Cohort AND member_id = @Member AND day = @Day",
            new { Cohort = checkIn.Cohort.Value, Member = checkIn.MemberId, checkIn.Day },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (false, stored.ToCheckIn());
    }

    public async Task<bool> RemoveAsync(CohortId cohort, string memberId, int day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM check_ins WHERE cohort_id = @Cohort AND member_id = @Member AND day = @Day",
            new { Cohort = cohort.Value, Member = memberId, Day = day },
            cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    public Task<IReadOnlyList<CheckIn>> ForMemberAsync(CohortId cohort, string memberId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM check_ins WHERE cohort_id = @Cohort AND member_id = @Member ORDER BY day", new { Cohort = cohort.Value, Member = memberId }, cancellationToken);

    public Task<IReadOnlyList<CheckIn>> ForCohortAsync(CohortId cohort, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM check_ins WHERE cohort_id = @Cohort", new { Cohort = cohort.Value }, cancellationToken);

    public async Task<int> ForgetMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM check_ins WHERE member_id = @Member", new { Member = memberId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<CheckIn>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(row => row.ToCheckIn())];
    }

    private sealed class Row
    {
        public string CohortId { get; set; } = "";

        public string MemberId { get; set; } = "";

        public long Day { get; set; }

        public long At { get; set; }

        public long Late { get; set; }

        public CheckIn ToCheckIn() => new(new CohortId(CohortId), MemberId, (int)Day, DateTimeOffset.FromUnixTimeMilliseconds(At), Late != 0);
    }
}
