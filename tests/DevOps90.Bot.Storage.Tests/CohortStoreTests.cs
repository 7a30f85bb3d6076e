using DevOps90.Bot.Core.Cohorts;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Storage.Tests;

public sealed class CohortStoreTests : IDisposable
{
    private readonly SqliteFile _file = new();

    private static Cohort Paris => new()
    {
        Id = new CohortId("paris"),
        CurriculumId = "2022",
        Language = "fr",
        StartDate = new DateOnly(2027, 1, 4),
        TimeZoneId = "Europe/Paris",
        PostTime = new TimeOnly(18, 30),
        PostTiming = PostTiming.SameDay,
        Cadence = Cadence.On(DayOfWeek.Monday, DayOfWeek.Thursday),
        SkippedDates = [new DateOnly(2027, 1, 7)],
        Pauses = [new PausePeriod(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 8)), new PausePeriod(new DateOnly(2027, 3, 1), null)],
        Target = new ChatTarget("discord", "123456789012345678"),
        MentionRoleId = "42",
        LeaderboardMessage = true,
    };

    [Fact]
    public async Task SaveThenLoad_RoundTripsEveryField()
    {
        var store = new SqlCohortStore(await _file.MigratedAsync(), new FakeTimeProvider());

        await store.SaveAsync(Paris, changedAtRunTime: true);
        var loaded = Assert.Single(await store.LoadAsync());

        Assert.True(CohortComparer.Same(Paris, loaded.Cohort), $"{Paris} != {loaded.Cohort}");
        Assert.True(loaded.ChangedAtRunTime);
    }

    [Fact]
    public async Task Delete_RemovesTheCohort()
    {
        var store = new SqlCohortStore(await _file.MigratedAsync(), new FakeTimeProvider());
        await store.SaveAsync(Paris, changedAtRunTime: false);

        await store.DeleteAsync(Paris.Id);

        Assert.Empty(await store.LoadAsync());
    }

    [Fact]
    public async Task Registry_RunTimeChange_SurvivesARestartOverTheSettings()
    {
        var database = await _file.MigratedAsync();
        var configured = Paris with { PostTime = new TimeOnly(18, 0) };
        var first = new CohortRegistry(new SqlCohortStore(database, new FakeTimeProvider()));
        await first.InitializeAsync([configured]);
        var changes = new List<CohortChange>();
        first.Changed += changes.Add;

        await first.SaveAsync(configured with { PostTime = new TimeOnly(20, 0) });
        var restarted = new CohortRegistry(new SqlCohortStore(_file.Open(), new FakeTimeProvider()));
        var overridden = await restarted.InitializeAsync([configured]);

        Assert.Equal(new TimeOnly(20, 0), restarted.Find(Paris.Id)!.PostTime);
        Assert.Equal([Paris.Id], overridden);
        Assert.Equal(new TimeOnly(20, 0), Assert.Single(changes).Cohort!.PostTime);
    }

    [Fact]
    public async Task Registry_SettingsChange_ReplacesAnUntouchedCohort()
    {
        var database = await _file.MigratedAsync();
        await new CohortRegistry(new SqlCohortStore(database, new FakeTimeProvider())).InitializeAsync([Paris]);

        var restarted = new CohortRegistry(new SqlCohortStore(database, new FakeTimeProvider()));
        var overridden = await restarted.InitializeAsync([Paris with { PostTime = new TimeOnly(7, 0) }]);

        Assert.Equal(new TimeOnly(7, 0), restarted.Find(Paris.Id)!.PostTime);
        Assert.Empty(overridden);
    }

    [Fact]
    public async Task Registry_Remove_AnnouncesAndForgets()
    {
        var registry = new CohortRegistry(new SqlCohortStore(await _file.MigratedAsync(), new FakeTimeProvider()));
        await registry.InitializeAsync([Paris]);
        CohortChange? change = null;
        registry.Changed += announced => change = announced;

        await registry.RemoveAsync(Paris.Id);

        Assert.Null(registry.Find(Paris.Id));
        Assert.Equal(new CohortChange(Paris.Id, null), change);
    }

    public void Dispose() => _file.Dispose();
}
