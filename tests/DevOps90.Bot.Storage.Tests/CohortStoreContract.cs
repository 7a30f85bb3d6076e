using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>What the cohort store does on each engine, with the cohort registry over it.</summary>
public abstract class CohortStoreContract(ITestDatabase engine) : IDisposable
{
    protected static Cohort Paris => new()
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
        Moderators = ["123456789012345679", "role:42"],
        Threads = true,
        Milestones = [5, 45],
        MilestoneRoleId = "43",
    };

    [SkippableFact]
    public async Task SaveThenLoad_RoundTripsEveryField()
    {
        var store = new SqlCohortStore(await engine.MigratedAsync(), new FakeTimeProvider());

        var since = new DateTimeOffset(2027, 5, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, await store.TrySaveAsync(new StoredCohort(Paris, true, CohortOrigin.Command, CohortStatus.Archived, since)));
        var loaded = Assert.Single(await store.LoadAsync());

        Assert.True(CohortComparer.Same(Paris, loaded.Cohort), $"{Paris} != {loaded.Cohort}");
        Assert.Equal((true, CohortOrigin.Command, CohortStatus.Archived, since, 1L), (loaded.ChangedAtRunTime, loaded.Origin, loaded.Status, loaded.StatusSince, loaded.Version));
    }

    [SkippableFact]
    public async Task Delete_RemovesTheCohortWithItsCheckInsDeliveriesAndLeaderboardMessage_AndNoOtherCohorts()
    {
        var database = await engine.MigratedAsync();
        var store = new SqlCohortStore(database, new FakeTimeProvider());
        var lyon = Paris with { Id = new CohortId("lyon") };
        await store.TrySaveAsync(new StoredCohort(Paris, false));
        await store.TrySaveAsync(new StoredCohort(lyon, false));
        var checkIns = new SqlParticipationStore(database);
        var ledger = new SqlDeliveryLedger(database);
        var messages = new SqlLeaderboardMessageStore(database, new FakeTimeProvider());
        foreach (var id in new[] { Paris.Id, lyon.Id })
        {
            await checkIns.AddAsync(new CheckIn(id, "ada", 1, DateTimeOffset.UnixEpoch, false));
            await ledger.MarkSkippedAsync(new DeliveryKey(id, "day-1"), DateTimeOffset.UnixEpoch, "test", DateTimeOffset.UnixEpoch);
            await messages.SaveAsync(new LeaderboardMessageRef(id, Paris.Target, "m-" + id.Value));
        }

        await store.DeleteAsync(Paris.Id);

        Assert.Equal([lyon.Id], (await store.LoadAsync()).Select(item => item.Cohort.Id));
        Assert.Empty(await checkIns.ForCohortAsync(Paris.Id));
        Assert.Single(await checkIns.ForCohortAsync(lyon.Id));
        Assert.Null(await ledger.FindAsync(new DeliveryKey(Paris.Id, "day-1")));
        Assert.NotNull(await ledger.FindAsync(new DeliveryKey(lyon.Id, "day-1")));
        Assert.Null(await messages.FindAsync(Paris.Id));
        Assert.NotNull(await messages.FindAsync(lyon.Id));
    }

    [SkippableFact]
    public async Task Registry_CohortRemovedFromTheSettings_IsRetiredAtTheNextStart_AndComesBackWhenConfiguredAgain()
    {
        var database = await engine.MigratedAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.Zero));
        var lyon = Paris with { Id = new CohortId("lyon") };
        await new CohortRegistry(new SqlCohortStore(database, time), time).InitializeAsync([Paris, lyon]);

        var restarted = new CohortRegistry(new SqlCohortStore(database, time), time);
        var start = await restarted.InitializeAsync([lyon]);

        Assert.Equal([Paris.Id], start.Retired);
        Assert.Equal([lyon.Id], restarted.All.Select(cohort => cohort.Id));
        Assert.Null(restarted.Find(Paris.Id));
        var retired = Assert.Single(restarted.Inactive);
        Assert.Equal((CohortStatus.Retired, time.GetUtcNow()), (retired.Status, retired.StatusSince));

        var again = new CohortRegistry(new SqlCohortStore(database, time), time);
        var back = await again.InitializeAsync([Paris, lyon]);
        Assert.Empty(back.Retired);
        Assert.Equal([lyon.Id, Paris.Id], again.All.Select(cohort => cohort.Id));
    }

    [SkippableFact]
    public async Task TrySave_SecondCreatedCohortForAChannel_IsRefused_UnlessTheFirstHasEnded()
    {
        var database = await engine.MigratedAsync();
        var store = new SqlCohortStore(database, new FakeTimeProvider());
        var other = Paris with { Id = new CohortId("paris-bis") };

        // Two instances' /cohort create for one channel, each having found it free: the database stores one.
        Assert.Equal(1, await store.TrySaveAsync(new StoredCohort(Paris, true, CohortOrigin.Command)));
        Assert.Null(await store.TrySaveAsync(new StoredCohort(other, true, CohortOrigin.Command)));
        // A cohort of the settings is the operator's to place; and once the first has ended, the channel is free.
        Assert.Equal(1, await store.TrySaveAsync(new StoredCohort(Paris with { Id = new CohortId("settings") }, false)));
        Assert.Equal(2, await store.TrySaveAsync(new StoredCohort(Paris, true, CohortOrigin.Command, CohortStatus.Archived, DateTimeOffset.UnixEpoch, Version: 1)));
        Assert.Equal(1, await store.TrySaveAsync(new StoredCohort(other, true, CohortOrigin.Command)));
    }

    [SkippableFact]
    public async Task TrySave_MovingACreatedCohortIntoAChannelWithAnother_ThrowsChannelTaken_WritingNothing()
    {
        var store = new SqlCohortStore(await engine.MigratedAsync(), new FakeTimeProvider());
        var elsewhere = Paris with { Id = new CohortId("elsewhere"), Target = new ChatTarget("discord", "777") };
        await store.TrySaveAsync(new StoredCohort(Paris, true, CohortOrigin.Command));
        await store.TrySaveAsync(new StoredCohort(elsewhere, true, CohortOrigin.Command));

        var refused = await Assert.ThrowsAsync<CohortChannelTakenException>(
            () => store.TrySaveAsync(new StoredCohort(elsewhere with { Target = Paris.Target }, true, CohortOrigin.Command, Version: 1)));

        Assert.Contains("elsewhere", refused.Message, StringComparison.Ordinal);
        var stored = await store.FindAsync(elsewhere.Id);
        Assert.Equal((new ChatTarget("discord", "777"), 1L), (stored!.Cohort.Target, stored.Version));
    }

    [SkippableFact]
    public async Task CohortChannel_IntoAChannelAnotherInstanceGaveAGroupMeanwhile_IsRefusedWithAMessage_WritingNothing()
    {
        // This instance's registry has not heard of the other's group yet: the database refuses, the reply says why.
        var database = await engine.MigratedAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 3, 12, 0, 0, TimeSpan.Zero));
        using var here = new CohortRegistry(new SqlCohortStore(database, time));
        await here.InitializeAsync([]);
        Assert.True(await here.CreateAsync(Paris with { Id = new CohortId("elsewhere"), Target = new ChatTarget("discord", "777") }));
        using var other = new CohortRegistry(new SqlCohortStore(engine.Open(), time));
        await other.InitializeAsync([]);
        Assert.True(await other.CreateAsync(Paris));
        var defaults = new BotDefaults("2022", "en", "Europe/Paris");
        var dispatcher = new CommandDispatcher([new CohortCommand(here, defaults, time)], here, defaults, time);

        var reply = await dispatcher.DispatchAsync(new CommandRequest
        {
            Command = "cohort",
            Options = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("action", "channel"),
            CohortId = new CohortId("elsewhere"),
            Channel = Paris.Target,
            IsModerator = true,
            UserLocale = "fr",
        });

        Assert.True(reply.IsError);
        Assert.StartsWith("Ce salon a déjà un autre groupe d'étude actif : rien n'a été modifié.", Assert.Single(reply.Paragraphs).ToString(), StringComparison.Ordinal);
        var stored = await new SqlCohortStore(database, time).FindAsync(new CohortId("elsewhere"));
        Assert.Equal((new ChatTarget("discord", "777"), 1L), (stored!.Cohort.Target, stored.Version));
    }

    [SkippableFact]
    public async Task Registry_CohortCreatedAtRunTime_IsNotRetiredByTheSettings()
    {
        var database = await engine.MigratedAsync();
        var registry = new CohortRegistry(new SqlCohortStore(database, new FakeTimeProvider()));
        await registry.InitializeAsync([]);
        await registry.SaveAsync(Paris);

        var restarted = new CohortRegistry(new SqlCohortStore(database, new FakeTimeProvider()));
        var start = await restarted.InitializeAsync([]);

        Assert.Empty(start.Retired);
        Assert.NotNull(restarted.Find(Paris.Id));
        Assert.Equal(CohortOrigin.Command, restarted.OriginOf(Paris.Id));
    }

    [SkippableFact]
    public async Task Registry_Archive_StopsTheCohortKeepsItsDataAndAnnounces_ThenTheRetentionRuleDeletesIt()
    {
        var database = await engine.MigratedAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.Zero));
        var registry = new CohortRegistry(new SqlCohortStore(database, time), time);
        await registry.InitializeAsync([]);
        await registry.SaveAsync(Paris);
        await new SqlParticipationStore(database).AddAsync(new CheckIn(Paris.Id, "ada", 1, DateTimeOffset.UnixEpoch, false));
        var changes = new List<CohortChange>();
        registry.Changed += changes.Add;

        await registry.ArchiveAsync(Paris.Id);
        time.Advance(TimeSpan.FromDays(179));
        var early = await registry.PurgeInactiveAsync(TimeSpan.FromDays(180));

        Assert.Null(registry.Find(Paris.Id));
        Assert.True(registry.IsTaken(Paris.Id));
        Assert.Equal(new CohortChange(Paris.Id, null), Assert.Single(changes));
        Assert.Empty(early);
        Assert.Single(await new SqlParticipationStore(database).ForCohortAsync(Paris.Id));

        time.Advance(TimeSpan.FromDays(1));
        var purged = await registry.PurgeInactiveAsync(TimeSpan.FromDays(180));

        Assert.Equal([Paris.Id], purged);
        Assert.False(registry.IsTaken(Paris.Id));
        Assert.Empty(await new SqlCohortStore(database, time).LoadAsync());
        Assert.Empty(await new SqlParticipationStore(database).ForCohortAsync(Paris.Id));
    }

    [SkippableFact]
    public async Task Registry_RunTimeChange_SurvivesARestartOverTheSettings()
    {
        var database = await engine.MigratedAsync();
        var configured = Paris with { PostTime = new TimeOnly(18, 0) };
        var first = new CohortRegistry(new SqlCohortStore(database, new FakeTimeProvider()));
        await first.InitializeAsync([configured]);
        var changes = new List<CohortChange>();
        first.Changed += changes.Add;

        await first.SaveAsync(configured with { PostTime = new TimeOnly(20, 0) });
        var restarted = new CohortRegistry(new SqlCohortStore(engine.Open(), new FakeTimeProvider()));
        var start = await restarted.InitializeAsync([configured]);

        Assert.Equal(new TimeOnly(20, 0), restarted.Find(Paris.Id)!.PostTime);
        Assert.Equal([Paris.Id], start.Overridden);
        Assert.Equal(CohortOrigin.Settings, restarted.OriginOf(Paris.Id));
        Assert.Equal(new TimeOnly(20, 0), Assert.Single(changes).Cohort!.PostTime);
    }

    [SkippableFact]
    public async Task Registry_SettingsChange_ReplacesAnUntouchedCohort()
    {
        var database = await engine.MigratedAsync();
        await new CohortRegistry(new SqlCohortStore(database, new FakeTimeProvider())).InitializeAsync([Paris]);

        var restarted = new CohortRegistry(new SqlCohortStore(database, new FakeTimeProvider()));
        var start = await restarted.InitializeAsync([Paris with { PostTime = new TimeOnly(7, 0) }]);

        Assert.Equal(new TimeOnly(7, 0), restarted.Find(Paris.Id)!.PostTime);
        Assert.Empty(start.Overridden);
    }

    [SkippableFact]
    public async Task Registry_Delete_AnnouncesAndForgets()
    {
        var registry = new CohortRegistry(new SqlCohortStore(await engine.MigratedAsync(), new FakeTimeProvider()));
        await registry.InitializeAsync([Paris]);
        CohortChange? change = null;
        registry.Changed += announced => change = announced;

        await registry.DeleteAsync(Paris.Id);

        Assert.Null(registry.Find(Paris.Id));
        Assert.False(registry.IsTaken(Paris.Id));
        Assert.Equal(new CohortChange(Paris.Id, null), change);
    }

    public void Dispose()
    {
        engine.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteCohortStoreTests : CohortStoreContract
{
    private readonly SqliteFile _file;

    public SqliteCohortStoreTests()
        : this(new SqliteFile())
    {
    }

    private SqliteCohortStoreTests(SqliteFile file)
        : base(file) => _file = file;

    [Fact]
    public async Task Migration_ExistingCohorts_SettingsOnesCanRetireAndRunTimeOnesAreKept()
    {
        var database = await _file.MigratedBeforeAsync(6);
        var runner = new Migrations.MigrationRunner(database, TimeProvider.System);
        await using (var connection = await database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO cohorts VALUES ('seeded', @Json, 0, 0), ('made', @Made, 1, 0)", new
            {
                Json = System.Text.Json.JsonSerializer.Serialize(CohortDocument.From(Paris with { Id = new CohortId("seeded") }), StorageJsonContext.Default.CohortDocument),
                Made = System.Text.Json.JsonSerializer.Serialize(CohortDocument.From(Paris with { Id = new CohortId("made") }), StorageJsonContext.Default.CohortDocument),
            });
        }

        await runner.MigrateAsync();
        var registry = new CohortRegistry(new SqlCohortStore(database, new FakeTimeProvider()));
        var start = await registry.InitializeAsync([]);

        Assert.Equal([new CohortId("seeded")], start.Retired);
        Assert.Equal([new CohortId("made")], registry.All.Select(cohort => cohort.Id));
    }

    [Fact]
    public async Task Migration_CheckInsOfDiscordGroups_NameTheirMembersPerPlatform_OthersUnchanged()
    {
        var database = await _file.MigratedBeforeAsync(7);
        await using (var connection = await database.OpenAsync())
        {
            // Written as the schema of then holds them (no version yet).
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO cohorts VALUES ('paris', @Paris, 0, 0, 'settings', 'active', NULL), ('local', @Local, 0, 0, 'settings', 'active', NULL)", new
            {
                Paris = System.Text.Json.JsonSerializer.Serialize(CohortDocument.From(Paris), StorageJsonContext.Default.CohortDocument),
                Local = System.Text.Json.JsonSerializer.Serialize(CohortDocument.From(Paris with { Id = new CohortId("local"), Target = ChatTarget.Console }), StorageJsonContext.Default.CohortDocument),
            });
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO check_ins (cohort_id, member_id, day, at) VALUES ('paris', '123456789012345678', 1, 0), ('paris', '123456789012345678', 2, 0), ('local', 'console', 1, 0)");
        }

        await new Migrations.MigrationRunner(database, TimeProvider.System).MigrateAsync();

        var checkIns = new SqlParticipationStore(database);
        Assert.Equal(["discord:123456789012345678", "discord:123456789012345678"], (await checkIns.ForCohortAsync(Paris.Id)).Select(checkIn => checkIn.MemberId));
        Assert.Equal(["console"], (await checkIns.ForCohortAsync(new CohortId("local"))).Select(checkIn => checkIn.MemberId));
    }
}

public sealed class PostgresCohortStoreTests(PostgresFixture fixture) : CohortStoreContract(new PostgresTestDatabase(fixture)), IClassFixture<PostgresFixture>;
