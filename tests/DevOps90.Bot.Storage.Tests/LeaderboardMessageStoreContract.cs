using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>What every leaderboard message store must do; run against each implementation.</summary>
public abstract class LeaderboardMessageStoreContract
{
    private static readonly CohortId _group = new("group");

    protected abstract Task<ILeaderboardMessageStore> CreateAsync();

    [SkippableFact]
    public async Task Find_NothingSaved_IsNull()
    {
        var store = await CreateAsync();

        Assert.Null(await store.FindAsync(_group));
    }

    [SkippableFact]
    public async Task Save_ThenSaveAnother_KeepsTheLatestPerCohort()
    {
        var store = await CreateAsync();
        var first = new LeaderboardMessageRef(_group, new ChatTarget("discord", "111"), "m1");
        var moved = new LeaderboardMessageRef(_group, new ChatTarget("discord", "222"), "m2");
        var other = new LeaderboardMessageRef(new CohortId("other"), ChatTarget.Console, "m3");

        await store.SaveAsync(first);
        await store.SaveAsync(other);
        await store.SaveAsync(moved);

        Assert.Equal(moved, await store.FindAsync(_group));
        Assert.Equal(other, await store.FindAsync(new CohortId("other")));
    }
}

public sealed class InMemoryLeaderboardMessageStoreTests : LeaderboardMessageStoreContract
{
    protected override Task<ILeaderboardMessageStore> CreateAsync() => Task.FromResult<ILeaderboardMessageStore>(new InMemoryLeaderboardMessageStore());
}

public sealed class SqliteLeaderboardMessageStoreTests : LeaderboardMessageStoreContract, IDisposable
{
    private readonly SqliteFile _file = new();

    protected override async Task<ILeaderboardMessageStore> CreateAsync() => new SqlLeaderboardMessageStore(await _file.MigratedAsync(), new FakeTimeProvider());

    public void Dispose() => _file.Dispose();
}

public sealed class PostgresLeaderboardMessageStoreTests(PostgresFixture fixture) : LeaderboardMessageStoreContract, IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresTestDatabase _database = new(fixture);

    protected override async Task<ILeaderboardMessageStore> CreateAsync() => new SqlLeaderboardMessageStore(await _database.MigratedAsync(), new FakeTimeProvider());

    public void Dispose() => _database.Dispose();
}
