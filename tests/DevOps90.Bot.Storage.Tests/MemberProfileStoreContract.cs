using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>What every member profile store must do; run against each implementation.</summary>
public abstract class MemberProfileStoreContract
{
    protected abstract Task<IMemberProfileStore> CreateAsync();

    [SkippableFact]
    public async Task Find_NoProfile_LeavesTheMemberOut()
    {
        var store = await CreateAsync();
        await store.RememberNameAsync("discord:1", "Ada");

        var found = await store.FindAsync(["discord:1", "discord:2"]);

        Assert.Equal(["discord:1"], found.Keys);
        Assert.Equal(new MemberProfile("discord:1", "Ada", false), found["discord:1"]);
    }

    [SkippableFact]
    public async Task RememberName_AfterHiding_KeepsTheMemberHidden()
    {
        var store = await CreateAsync();
        await store.SetHiddenAsync("discord:1", true);

        await store.RememberNameAsync("discord:1", "Ada L.");

        Assert.Equal(new MemberProfile("discord:1", "Ada L.", true), (await store.FindAsync(["discord:1"]))["discord:1"]);
    }

    [SkippableFact]
    public async Task SetHidden_False_ShowsTheMemberAgainWithTheirName()
    {
        var store = await CreateAsync();
        await store.RememberNameAsync("slack:T1:U1", "Grace");
        await store.SetHiddenAsync("slack:T1:U1", true);

        await store.SetHiddenAsync("slack:T1:U1", false);

        Assert.Equal(new MemberProfile("slack:T1:U1", "Grace", false), (await store.FindAsync(["slack:T1:U1"]))["slack:T1:U1"]);
    }

    [SkippableFact]
    public async Task Forget_DeletesOnlyThatMember()
    {
        var store = await CreateAsync();
        await store.RememberNameAsync("discord:1", "Ada");
        await store.RememberNameAsync("discord:2", "Grace");

        await store.ForgetAsync("discord:1");

        Assert.Equal(["discord:2"], (await store.FindAsync(["discord:1", "discord:2"])).Keys);
    }
}

public sealed class InMemoryMemberProfileStoreTests : MemberProfileStoreContract
{
    protected override Task<IMemberProfileStore> CreateAsync() => Task.FromResult<IMemberProfileStore>(new InMemoryMemberProfileStore());
}

public sealed class SqliteMemberProfileStoreTests : MemberProfileStoreContract, IDisposable
{
    private readonly SqliteFile _file = new();

    protected override async Task<IMemberProfileStore> CreateAsync() => new SqlMemberProfileStore(await _file.MigratedAsync());

    public void Dispose() => _file.Dispose();
}

public sealed class PostgresMemberProfileStoreTests(PostgresFixture fixture) : MemberProfileStoreContract, IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresTestDatabase _database = new(fixture);

    protected override async Task<IMemberProfileStore> CreateAsync() => new SqlMemberProfileStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}
