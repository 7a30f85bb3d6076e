using System.Globalization;
using DevOps90.Bot.Core.Coordination;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>
/// What every <see cref="ILeaseStore"/> must do: run against the in-memory store here, and against each SQL store
/// (SQLite, PostgreSQL) by a subclass that creates it on a migrated database.
/// </summary>
public abstract class LeaseStoreContract
{
    private const string Shard = "discord:shard:3";
    private static readonly DateTimeOffset _now = DateTimeOffset.Parse("2027-01-02T17:00:00Z", CultureInfo.InvariantCulture);
    private static readonly TimeSpan _ttl = TimeSpan.FromSeconds(30);

    protected abstract Task<ILeaseStore> CreateAsync();

    [Fact]
    public async Task TryAcquire_Free_TakesItUntilNowPlusTtl()
    {
        var store = await CreateAsync();

        var taken = await store.TryAcquireAsync(Shard, "a", _now, _ttl);

        Assert.True(taken);
        Assert.Equal([new Lease(Shard, "a", _now + _ttl)], await store.ListAsync("discord:shard:", _now));
    }

    [Fact]
    public async Task TryAcquire_HeldByAnother_IsRefusedUntilTheExpiryItself()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Shard, "a", _now, _ttl);

        var before = await store.TryAcquireAsync(Shard, "b", _now + _ttl - TimeSpan.FromMilliseconds(1), _ttl);
        var at = await store.TryAcquireAsync(Shard, "b", _now + _ttl, _ttl);

        Assert.False(before);
        Assert.True(at);
        Assert.Equal("b", Assert.Single(await store.ListAsync(Shard, _now + _ttl)).Holder);
    }

    [Fact]
    public async Task TryAcquire_ByItsHolder_RenewsItToTheNewExpiry()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Shard, "a", _now, _ttl);

        var renewed = await store.TryAcquireAsync(Shard, "a", _now.AddSeconds(10), _ttl);

        Assert.True(renewed);
        Assert.Equal(_now.AddSeconds(10) + _ttl, Assert.Single(await store.ListAsync(Shard, _now)).ExpiresAt);
        Assert.False(await store.TryAcquireAsync(Shard, "b", _now + _ttl, _ttl));
    }

    [Fact]
    public async Task TryAcquire_LapsedAndTakenByAnother_TheFormerHolderCannotRenewIt()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Shard, "a", _now, _ttl);
        await store.TryAcquireAsync(Shard, "b", _now.AddSeconds(31), _ttl);

        var renewal = await store.TryAcquireAsync(Shard, "a", _now.AddSeconds(32), _ttl);

        Assert.False(renewal);
        Assert.Equal("b", Assert.Single(await store.ListAsync(Shard, _now.AddSeconds(32))).Holder);
    }

    [Fact]
    public async Task Release_ByItsHolder_FreesItAtOnce()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Shard, "a", _now, _ttl);

        var released = await store.ReleaseAsync(Shard, "a");

        Assert.True(released);
        Assert.Empty(await store.ListAsync(Shard, _now));
        Assert.True(await store.TryAcquireAsync(Shard, "b", _now.AddSeconds(1), _ttl));
    }

    [Fact]
    public async Task Release_ByAnotherOwnerOrOfNothing_LeavesTheHolderAlone()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Shard, "a", _now, _ttl);

        var byAnother = await store.ReleaseAsync(Shard, "b");
        var ofNothing = await store.ReleaseAsync("discord:shard:9", "a");

        Assert.Equal((false, false), (byAnother, ofNothing));
        Assert.Equal("a", Assert.Single(await store.ListAsync(Shard, _now)).Holder);
    }

    [Fact]
    public async Task List_APrefix_ShowsOnlyItsLiveLeasesByName()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync("discord:shard:10", "b", _now, _ttl);
        await store.TryAcquireAsync("discord:shard:1", "a", _now, _ttl);
        await store.TryAcquireAsync("discord:shard:2", "a", _now, TimeSpan.FromSeconds(5));
        await store.TryAcquireAsync("discord:instance:a", "a", _now, _ttl);
        await store.TryAcquireAsync("slack:socket", "a", _now, _ttl);

        var shards = await store.ListAsync("discord:shard:", _now.AddSeconds(5));

        Assert.Equal(["discord:shard:1", "discord:shard:10"], shards.Select(lease => lease.Name));
        Assert.Equal(["a", "b"], shards.Select(lease => lease.Holder));
    }

    [Fact]
    public async Task List_APrefixWithLikeWildcards_MatchesThemLiterally()
    {
        // Instance ids come from machine names, where '_' is common: a SQL LIKE must not read it as "any character".
        var store = await CreateAsync();
        await store.TryAcquireAsync("instance:web_1/7", "web_1/7", _now, _ttl);
        await store.TryAcquireAsync("instance:webX1/8", "webX1/8", _now, _ttl);
        await store.TryAcquireAsync("instance:100%/9", "100%/9", _now, _ttl);
        await store.TryAcquireAsync("instance:1000/9", "1000/9", _now, _ttl);

        var underscore = await store.ListAsync("instance:web_", _now);
        var percent = await store.ListAsync("instance:100%", _now);

        Assert.Equal(["instance:web_1/7"], underscore.Select(lease => lease.Name));
        Assert.Equal(["instance:100%/9"], percent.Select(lease => lease.Name));
    }

    [Fact]
    public async Task TryAcquire_ManyClaimantsAtOnce_ExactlyOneHoldsIt()
    {
        var store = await CreateAsync();

        var first = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.TryAcquireAsync(Shard, $"owner-{i}", _now, _ttl))));
        // And again once the winner's lease has lapsed: a takeover is as exclusive as a first take.
        var takeover = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.TryAcquireAsync(Shard, $"next-{i}", _now + _ttl, _ttl))));

        Assert.Single(first, taken => taken);
        Assert.Single(takeover, taken => taken);
        Assert.StartsWith("next-", Assert.Single(await store.ListAsync(Shard, _now + _ttl)).Holder, StringComparison.Ordinal);
    }
}

public sealed class InMemoryLeaseStoreTests : LeaseStoreContract
{
    protected override Task<ILeaseStore> CreateAsync() => Task.FromResult<ILeaseStore>(new InMemoryLeaseStore());
}

public sealed class SqliteLeaseStoreTests : LeaseStoreContract, IDisposable
{
    private readonly SqliteFile _file = new();

    protected override async Task<ILeaseStore> CreateAsync() => new SqlLeaseStore(await _file.MigratedAsync());

    public void Dispose() => _file.Dispose();
}

public sealed class PostgresLeaseStoreTests(PostgresFixture fixture) : LeaseStoreContract, IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresTestDatabase _database = new(fixture);

    protected override async Task<ILeaseStore> CreateAsync() => new SqlLeaseStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}
