using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>What every participation store must do; run against each implementation.</summary>
public abstract class ParticipationStoreContract
{
    private static readonly CohortId _group = new("group");
    private static readonly DateTimeOffset _at = DateTimeOffset.Parse("2027-01-03T19:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    protected abstract Task<IParticipationStore> CreateAsync();

    [SkippableFact]
    public async Task Add_SameDayTwice_KeepsTheFirst()
    {
        var store = await CreateAsync();

        var first = await store.AddAsync(new CheckIn(_group, "ada", 3, _at, false));
        var second = await store.AddAsync(new CheckIn(_group, "ada", 3, _at.AddHours(1), true));

        Assert.True(first.Added);
        Assert.False(second.Added);
        Assert.Equal(new CheckIn(_group, "ada", 3, _at, false), second.Stored);
        Assert.Single(await store.ForMemberAsync(_group, "ada"));
    }

    [SkippableFact]
    public async Task Remove_DeletesOnlyThatDay()
    {
        var store = await CreateAsync();
        await store.AddAsync(new CheckIn(_group, "ada", 1, _at, true));
        await store.AddAsync(new CheckIn(_group, "ada", 2, _at, false));

        Assert.True(await store.RemoveAsync(_group, "ada", 1));
        Assert.False(await store.RemoveAsync(_group, "ada", 1));
        Assert.Equal([2], (await store.ForMemberAsync(_group, "ada")).Select(checkIn => checkIn.Day));
    }

    [SkippableFact]
    public async Task Forget_RemovesTheMemberFromEveryCohortOnly()
    {
        var store = await CreateAsync();
        await store.AddAsync(new CheckIn(_group, "ada", 1, _at, false));
        await store.AddAsync(new CheckIn(new CohortId("other"), "ada", 1, _at, false));
        await store.AddAsync(new CheckIn(_group, "grace", 1, _at, false));

        Assert.Equal(2, await store.ForgetMemberAsync("ada"));
        Assert.Equal(["grace"], (await store.ForCohortAsync(_group)).Select(checkIn => checkIn.MemberId));
        Assert.Empty(await store.ForCohortAsync(new CohortId("other")));
    }

    [SkippableFact]
    public async Task ForMember_ReadsBackTimeAndLateness()
    {
        var store = await CreateAsync();
        await store.AddAsync(new CheckIn(_group, "ada", 7, _at, true));

        var checkIn = Assert.Single(await store.ForMemberAsync(_group, "ada"));

        Assert.Equal((7, _at, true), (checkIn.Day, checkIn.At, checkIn.IsLate));
    }
}

public sealed class InMemoryParticipationStoreTests : ParticipationStoreContract
{
    protected override Task<IParticipationStore> CreateAsync() => Task.FromResult<IParticipationStore>(new InMemoryParticipationStore());
}

public sealed class PostgresParticipationStoreTests(PostgresFixture fixture) : ParticipationStoreContract, IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresTestDatabase _database = new(fixture);

    protected override async Task<IParticipationStore> CreateAsync() => new SqlParticipationStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}

public sealed class SqliteParticipationStoreTests : ParticipationStoreContract, IDisposable
{
    private readonly SqliteFile _file = new();

    protected override async Task<IParticipationStore> CreateAsync() => new SqlParticipationStore(await _file.MigratedAsync());

    [Fact]
    public async Task Forget_LeavesNoTraceOfTheMemberIdInTheDatabaseFiles()
    {
        const string member = "discord:918273645546372819";
        var store = await CreateAsync();
        var cohort = new CohortId("group");
        for (var day = 1; day <= 40; day++)
        {
            await store.AddAsync(new CheckIn(cohort, member, day, DateTimeOffset.UnixEpoch.AddDays(day), false));
            await store.AddAsync(new CheckIn(cohort, "discord:111111111111111111", day, DateTimeOffset.UnixEpoch.AddDays(day), false));
        }

        await store.ForgetMemberAsync(member);

        Assert.Equal(40, (await store.ForCohortAsync(cohort)).Count);
        var needle = System.Text.Encoding.UTF8.GetBytes("918273645546372819");
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_file.Path)!))
        {
            if (!file.EndsWith("-shm", StringComparison.Ordinal))
            {
                // The -shm file is the WAL's index (page numbers, no rows), and goes away with the last connection.
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(file)} still holds the member id");
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
