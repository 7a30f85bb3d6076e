using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Postgres;
using DevOps90.Bot.Testing.Postgres;
using Npgsql;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>
/// PostgreSQL's check_in_totals (migration 009), kept by triggers: after every way check-ins come and go, each line
/// is what grouping check_ins gives, and no member without check-ins keeps one.
/// </summary>
public sealed class PostgresCheckInTotalsTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly CohortId _group = new("group");
    private static readonly DateTimeOffset _at = new(2027, 1, 4, 18, 30, 0, TimeSpan.Zero);
    private readonly PostgresTestDatabase _database = new(fixture);

    [SkippableFact]
    public async Task CheckInAndUndo_KeepEachMembersLine()
    {
        var store = new SqlParticipationStore(await _database.MigratedAsync());
        foreach (var day in new[] { 3, 1, 2, 5 })
        {
            await store.AddAsync(new CheckIn(_group, "ada", day, _at.AddDays(day), false));
        }

        await store.AddAsync(new CheckIn(_group, "ada", 2, _at.AddDays(30), false));
        await store.AddAsync(new CheckIn(_group, "bob", 1, _at, false));
        Assert.Equal([new Line("group", "ada", 4, 1, 5, Ms(_at.AddDays(5))), new Line("group", "bob", 1, 1, 1, Ms(_at))], await LinesAsync());

        await store.RemoveAsync(_group, "ada", 5);
        await store.RemoveAsync(_group, "ada", 1);
        await store.RemoveAsync(_group, "bob", 1);

        Assert.Equal([new Line("group", "ada", 2, 2, 3, Ms(_at.AddDays(3)))], await LinesAsync());
        await AssertMatchesCheckInsAsync();
    }

    [SkippableFact]
    public async Task ForgetMeAndCohortDeletion_RemoveTheLines()
    {
        var database = await _database.MigratedAsync();
        var store = new SqlParticipationStore(database);
        foreach (var (cohort, member) in new[] { ("group", "ada"), ("group", "bob"), ("other", "ada"), ("other", "cy") })
        {
            await store.AddAsync(new CheckIn(new CohortId(cohort), member, 1, _at, false));
            await store.AddAsync(new CheckIn(new CohortId(cohort), member, 2, _at.AddDays(1), false));
        }

        await store.ForgetMemberAsync("ada");
        Assert.Equal(["group/bob", "other/cy"], (await LinesAsync()).Select(line => $"{line.CohortId}/{line.MemberId}"));

        var cohorts = new SqlCohortStore(database, TimeProvider.System);
        var version = await cohorts.TrySaveAsync(new StoredCohort(new Cohort
        {
            Id = new CohortId("other"),
            CurriculumId = "2022",
            StartDate = new DateOnly(2027, 1, 4),
            TimeZoneId = "Europe/Paris",
            PostTime = new TimeOnly(18, 30),
            Target = new ChatTarget("discord", "1"),
        }, true));
        Assert.NotNull(version);
        Assert.True(await cohorts.DeleteAsync(new CohortId("other")));

        Assert.Equal(["group/bob"], (await LinesAsync()).Select(line => $"{line.CohortId}/{line.MemberId}"));
        await AssertMatchesCheckInsAsync();
    }

    [SkippableFact]
    public async Task ConcurrentCheckInsAndUndos_OfOneMemberOnTwoConnections_AddUp()
    {
        // Two pools, as two instances would have; each adds every day, then each takes back the days of its parity.
        await _database.MigratedAsync();
        var stores = new[] { new SqlParticipationStore(_database.Open()), new SqlParticipationStore(_database.Open()) };
        var days = Enumerable.Range(1, 60).ToList();

        await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            foreach (var day in days)
            {
                await store.AddAsync(new CheckIn(_group, "ada", day, _at.AddDays(day), false));
            }
        })));
        Assert.Equal([new Line("group", "ada", 60, 1, 60, Ms(_at.AddDays(60)))], await LinesAsync());

        await Task.WhenAll(stores.Select((store, parity) => Task.Run(async () =>
        {
            foreach (var day in days.Where(day => day % 2 == parity && day > 2))
            {
                await store.RemoveAsync(_group, "ada", day);
                await stores[1 - parity].AddAsync(new CheckIn(_group, "ada", 100 + day, _at.AddDays(100 + day), false));
            }
        })));

        await AssertMatchesCheckInsAsync();
        Assert.Equal([new Line("group", "ada", 60, 1, 160, Ms(_at.AddDays(160)))], await LinesAsync());
    }

    [SkippableFact]
    public async Task Migration009_FillsTheLinesOfCheckInsMadeBefore()
    {
        var skipReason = await TestPostgres.SkipReasonAsync();
        Skip.If(skipReason is not null, skipReason);
        await using var created = await TestPostgres.CreateDatabaseAsync();
        await using var pool = NpgsqlDataSource.Create(created.ConnectionString);
        await using (var connection = await pool.OpenConnectionAsync())
        {
            foreach (var migration in MigrationRunner.For("postgres").Where(migration => migration.Version < 9))
            {
                await connection.ExecuteAsync(migration.Sql);
            }

            await connection.ExecuteAsync(
                "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);" +
                "INSERT INTO schema_version SELECT v, 'before', '' FROM generate_series(1, 8) AS v;" +
                "INSERT INTO check_ins VALUES ('group', 'ada', 2, 20, 0), ('group', 'ada', 4, 10, 1), ('group', 'bob', 1, 5, 0)");
        }

        await new MigrationRunner(new PostgresDatabase(pool), TimeProvider.System).MigrateAsync();

        await using var read = await pool.OpenConnectionAsync();
        Assert.Equal(
            [new Line("group", "ada", 2, 2, 4, 20), new Line("group", "bob", 1, 1, 1, 5)],
            await read.QueryAsync<Line>($"SELECT {LineColumns} FROM check_in_totals ORDER BY cohort_id, member_id"));
    }

    private const string LineColumns = "cohort_id AS CohortId, member_id AS MemberId, n AS N, lo AS Lo, hi AS Hi, last AS Last";

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private async Task<List<Line>> LinesAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        return [.. await connection.QueryAsync<Line>($"SELECT {LineColumns} FROM check_in_totals ORDER BY cohort_id, member_id")];
    }

    private async Task AssertMatchesCheckInsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        var grouped = await connection.QueryAsync<Line>(
            "SELECT cohort_id AS CohortId, member_id AS MemberId, COUNT(*)::int AS N, MIN(day) AS Lo, MAX(day) AS Hi, MAX(at) AS Last " +
            "FROM check_ins GROUP BY cohort_id, member_id ORDER BY cohort_id, member_id");
        Assert.Equal(grouped, await LinesAsync());
    }

    public void Dispose() => _database.Dispose();

    internal sealed record Line(string CohortId, string MemberId, int N, int Lo, int Hi, long Last);
}
