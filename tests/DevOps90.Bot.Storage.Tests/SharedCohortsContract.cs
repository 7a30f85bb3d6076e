using DevOps90.Bot.Core.Cohorts;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>
/// Two instances' registries on one database, each with its own store and connections: a write never overwrites what
/// the other wrote meanwhile, and what one writes the other reads. (On SQLite one process serves a file; the same
/// conditional statements run there, so the contract holds on both.)
/// </summary>
public abstract class SharedCohortsContract(ITestDatabase engine) : IDisposable
{
    /// <summary>A group of the settings, as both instances start with it (the feed tests use it too).</summary>
    internal static readonly Cohort Group = new()
    {
        Id = new CohortId("group"),
        CurriculumId = "2022",
        StartDate = new DateOnly(2027, 1, 4),
        TimeZoneId = "Europe/Paris",
        PostTime = new TimeOnly(18, 0),
        Target = new ChatTarget("discord", "555"),
    };

    private readonly List<CohortRegistry> _registries = [];

    [SkippableFact]
    public async Task Update_OnOneInstance_IsWhatTheOtherReadsWhenSignalled_AndAnnounces()
    {
        var (a, b) = await TwoInstancesAsync([Group]);
        var changes = new List<CohortChange>();
        b.Changed += changes.Add;

        var update = await a.UpdateAsync(Group.Id, cohort => cohort with { PostTime = new TimeOnly(7, 30) });
        await b.RefreshAsync(Group.Id);

        Assert.Equal(CohortUpdateStatus.Saved, update.Status);
        Assert.Equal(new TimeOnly(7, 30), b.Find(Group.Id)!.PostTime);
        Assert.Equal(new TimeOnly(7, 30), Assert.Single(changes).Cohort!.PostTime);
        Assert.Equal(2, b.FindStored(Group.Id)!.Version);
    }

    [SkippableFact]
    public async Task Refresh_OfWhatThisInstanceAlreadyHolds_AnnouncesNothing()
    {
        var (a, _) = await TwoInstancesAsync([Group]);
        await a.UpdateAsync(Group.Id, cohort => cohort with { PostTime = new TimeOnly(7, 30) });
        var changes = new List<CohortChange>();
        a.Changed += changes.Add;

        // Its own write's signal comes back to the writer too.
        await a.RefreshAsync(Group.Id);

        Assert.Empty(changes);
    }

    [SkippableFact]
    public async Task Create_OfAnIdTheOtherInstanceCreatedMeanwhile_IsRefused_AndNeverOverwrites()
    {
        var (a, b) = await TwoInstancesAsync([]);
        var elsewhere = Group with { Target = new ChatTarget("discord", "666"), PostTime = new TimeOnly(9, 0) };

        Assert.True(await a.CreateAsync(Group));
        var created = await b.CreateAsync(elsewhere);

        Assert.False(created);
        Assert.Equal(Group.Target, b.Find(Group.Id)!.Target);
        var stored = Assert.Single(await new SqlCohortStore(engine.Open(), TimeProvider.System).LoadAsync());
        Assert.Equal((Group.Target, Group.PostTime, 1L), (stored.Cohort.Target, stored.Cohort.PostTime, stored.Version));
    }

    [SkippableFact]
    public async Task Create_SameIdOnBothInstancesAtOnce_ExactlyOneWins()
    {
        var (a, b) = await TwoInstancesAsync([]);
        for (var round = 0; round < 10; round++)
        {
            // A channel of its own each round: a channel has one created group at most.
            var (id, channel) = (new CohortId($"race-{round}"), new ChatTarget("discord", $"{700 + round}"));
            var results = await Task.WhenAll(
                Task.Run(() => a.CreateAsync(Group with { Id = id, Target = channel, PostTime = new TimeOnly(1, 0) })),
                Task.Run(() => b.CreateAsync(Group with { Id = id, Target = channel, PostTime = new TimeOnly(2, 0) })));

            Assert.Single(results, created => created);
            var winner = results[0] ? new TimeOnly(1, 0) : new TimeOnly(2, 0);
            Assert.Equal((winner, winner), (a.Find(id)!.PostTime, b.Find(id)!.PostTime));
        }
    }

    [SkippableFact]
    public async Task Create_TwoIdsForOneChannelOnBothInstancesAtOnce_ExactlyOneWins()
    {
        var (a, b) = await TwoInstancesAsync([]);
        for (var round = 0; round < 5; round++)
        {
            var channel = new ChatTarget("discord", $"{800 + round}");
            var results = await Task.WhenAll(
                Task.Run(() => a.CreateAsync(Group with { Id = new CohortId($"first-{round}"), Target = channel })),
                Task.Run(() => b.CreateAsync(Group with { Id = new CohortId($"second-{round}"), Target = channel })));

            Assert.Single(results, created => created);
        }
    }

    [SkippableFact]
    public async Task Update_BasedOnAStaleVersion_IsMadeAgainOnTheNewOne_KeepingTheOtherInstancesChange()
    {
        var (a, b) = await TwoInstancesAsync([Group]);
        await a.UpdateAsync(Group.Id, cohort => cohort with { PostTime = new TimeOnly(7, 30) });
        var seen = new List<TimeOnly>();

        // b has not heard of a's change: its first attempt is refused, the second is made on a's version.
        var update = await b.UpdateAsync(Group.Id, cohort =>
        {
            seen.Add(cohort.PostTime);
            return cohort with { Language = "fr" };
        });

        Assert.Equal(CohortUpdateStatus.Saved, update.Status);
        Assert.Equal([new TimeOnly(18, 0), new TimeOnly(7, 30)], seen);
        await a.RefreshAsync(Group.Id);
        Assert.Equal((new TimeOnly(7, 30), "fr", 3L), (a.Find(Group.Id)!.PostTime, a.Find(Group.Id)!.Language, a.FindStored(Group.Id)!.Version));
    }

    [SkippableFact]
    public async Task Update_WhoseCheckFailsOnTheNewVersion_IsDeclined()
    {
        var today = new DateOnly(2027, 2, 1);
        var (a, b) = await TwoInstancesAsync([Group]);
        await a.UpdateAsync(Group.Id, cohort => cohort.PausedFrom(today));

        // A pause on b, which has not heard of a's: checked again on a's version, it finds the group paused.
        var update = await b.UpdateAsync(Group.Id, cohort => cohort.IsPaused ? null : cohort.PausedFrom(today));

        Assert.Equal(CohortUpdateStatus.Declined, update.Status);
        Assert.True(b.Find(Group.Id)!.IsPaused);
        Assert.Single(b.Find(Group.Id)!.Pauses);
    }

    [SkippableFact]
    public async Task Update_OfACohortTheOtherInstanceArchived_IsGone()
    {
        var (a, b) = await TwoInstancesAsync([]);
        await a.CreateAsync(Group);
        await b.RefreshAsync(Group.Id);
        await a.ArchiveAsync(Group.Id);

        var update = await b.UpdateAsync(Group.Id, cohort => cohort with { PostTime = new TimeOnly(7, 30) });

        Assert.Equal(CohortUpdateStatus.Gone, update.Status);
        Assert.Null(b.Find(Group.Id));
    }

    [SkippableFact]
    public async Task Save_BasedOnAStaleVersion_ThrowsAndReadsTheCohortAgain()
    {
        var (a, b) = await TwoInstancesAsync([Group]);
        await a.UpdateAsync(Group.Id, cohort => cohort with { PostTime = new TimeOnly(7, 30) });

        var conflict = await Assert.ThrowsAsync<CohortConflictException>(() => b.SaveAsync(Group with { Language = "fr" }));

        Assert.Contains("changed by another instance", conflict.Message, StringComparison.Ordinal);
        Assert.Equal((new TimeOnly(7, 30), (string?)null), (b.Find(Group.Id)!.PostTime, b.Find(Group.Id)!.Language));
    }

    [SkippableFact]
    public async Task Resync_ReadsAgainWhatChangedAndForgetsWhatWasDeleted()
    {
        var lyon = Group with { Id = new CohortId("lyon") };
        var (a, b) = await TwoInstancesAsync([Group, lyon]);
        await a.UpdateAsync(Group.Id, cohort => cohort with { PostTime = new TimeOnly(7, 30) });
        await a.DeleteAsync(lyon.Id);
        await a.CreateAsync(Group with { Id = new CohortId("new") });
        var changes = new List<CohortChange>();
        b.Changed += changes.Add;

        var read = await b.ResyncAsync();

        Assert.Equal(3, read);
        Assert.Equal(["group", "new"], b.All.Select(cohort => cohort.Id.Value));
        Assert.Equal(new TimeOnly(7, 30), b.Find(Group.Id)!.PostTime);
        Assert.Equal(["group", "lyon", "new"], changes.Select(change => change.Id.Value).Order(StringComparer.Ordinal));
        Assert.Equal(0, await b.ResyncAsync());
    }

    [SkippableFact]
    public async Task Purge_OfACohortTheOtherInstanceBroughtBack_DeletesNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.Zero));
        var (a, b) = await TwoInstancesAsync([], time);
        await a.CreateAsync(Group);
        await a.ArchiveAsync(Group.Id);
        await b.RefreshAsync(Group.Id);
        await a.SaveAsync(Group);
        time.Advance(TimeSpan.FromDays(200));

        var purged = await b.PurgeInactiveAsync(TimeSpan.FromDays(180));

        Assert.Empty(purged);
        Assert.NotNull(b.Find(Group.Id));
    }

    public void Dispose()
    {
        foreach (var registry in _registries)
        {
            registry.Dispose();
        }

        engine.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(CohortRegistry A, CohortRegistry B)> TwoInstancesAsync(IReadOnlyList<Cohort> configured, TimeProvider? time = null)
    {
        await engine.MigratedAsync();
        var clock = time ?? new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.Zero));
        var a = new CohortRegistry(new SqlCohortStore(engine.Open(), clock), clock);
        var b = new CohortRegistry(new SqlCohortStore(engine.Open(), clock), clock);
        _registries.AddRange([a, b]);
        await a.InitializeAsync(configured);
        await b.InitializeAsync(configured);
        return (a, b);
    }
}

public sealed class SqliteSharedCohortsTests() : SharedCohortsContract(new SqliteFile());

public sealed class PostgresSharedCohortsTests(PostgresFixture fixture) : SharedCohortsContract(new PostgresTestDatabase(fixture)), IClassFixture<PostgresFixture>;
