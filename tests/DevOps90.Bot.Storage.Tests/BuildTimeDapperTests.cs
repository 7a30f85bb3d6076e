using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>Alone: the other tests run Dapper as it is (set-up SQL), which fills the cache this one reads.</summary>
[CollectionDefinition(nameof(VanillaDapperCache), DisableParallelization = true)]
public sealed class VanillaDapperCache;

/// <summary>
/// The stores' statements run through the code Dapper.AOT generates at build time: vanilla Dapper, which reflects
/// over the types and emits a reader at run time, caches every statement it runs, and its cache stays empty.
/// </summary>
[Collection(nameof(VanillaDapperCache))]
public sealed class BuildTimeDapperTests
{
    private static readonly DateTimeOffset _at = new(2027, 1, 4, 18, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Stores_RunTheirStatements_VanillaDapperCachesNone()
    {
        using var file = new SqliteFile();
        var database = await file.MigratedAsync();
        var cohort = new CohortId("paris");
        SqlMapper.PurgeQueryCache();

        var cohorts = new SqlCohortStore(database, TimeProvider.System);
        var stored = new StoredCohort(new Cohort
        {
            Id = cohort,
            CurriculumId = "2022",
            StartDate = new DateOnly(2027, 1, 4),
            TimeZoneId = "Europe/Paris",
            PostTime = new TimeOnly(18, 30),
            Target = new ChatTarget("discord", "1"),
        }, false);
        var version = await cohorts.TrySaveAsync(stored);
        await cohorts.TrySaveAsync(stored with { Version = version!.Value });
        await cohorts.LoadAsync();
        await cohorts.VersionsAsync();

        var ledger = new SqlDeliveryLedger(database);
        var key = new DeliveryKey(cohort, "2027-01-04");
        await ledger.TryClaimAsync(key, _at, "me", _at, TimeSpan.FromMinutes(5));
        await ledger.MarkSentAsync(key, "m1", _at);
        await ledger.RecentAsync(cohort, 5);

        var participation = new SqlParticipationStore(database);
        var checkIn = new CheckIn(cohort, "ada", 1, _at, false);
        await participation.AddAsync(checkIn);
        await participation.AddAsync(checkIn);
        var standings = await participation.LeaderCandidatesAsync(cohort, null, 3, 10);
        await participation.RankAsync(cohort, standings[0], 3);
        await participation.ActivityAsync(cohort, new ActivityQuery(_at, _at.AddDays(1), _at, _at, 1, 3));
        await participation.LessonActivityAsync(cohort, [new LessonWindow(1, _at, _at.AddDays(1))]);
        await new SqlMemberProfileStore(database).FindAsync(["ada"]);
        await cohorts.DeleteAsync(cohort);

        Assert.Equal(0, SqlMapper.GetCachedSQLCount());
    }
}
