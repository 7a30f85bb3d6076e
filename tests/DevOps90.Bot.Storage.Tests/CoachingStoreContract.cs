using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>What every share and milestone store must do; run against each implementation.</summary>
public abstract class CoachingStoreContract
{
    private static readonly CohortId Group = new("group");
    private static readonly DateTimeOffset At = new(2027, 1, 4, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<(IShareStore Shares, IMilestoneStore Milestones)> CreateAsync();

    [SkippableFact]
    public async Task Share_OncePerMemberAndDay_ReadBackNewestFirst()
    {
        var (shares, _) = await CreateAsync();

        var first = await shares.AddAsync(new Share(Group, "discord:1", 1, "https://example.org/1", "notes", At));
        var again = await shares.AddAsync(new Share(Group, "discord:1", 1, "https://example.org/other", null, At.AddMinutes(1)));
        await shares.AddAsync(new Share(Group, "discord:1", 2, "https://example.org/2", null, At.AddDays(1)));

        Assert.Equal((true, false), (first, again));
        var mine = await shares.ForMemberAsync(Group, "discord:1");
        Assert.Equal([2, 1], mine.Select(share => share.Day));
        Assert.Equal(new Share(Group, "discord:1", 1, "https://example.org/1", "notes", At), mine[1]);
    }

    [SkippableFact]
    public async Task Top_RanksByShares_ThenWhoSharedFirst_AndForgetRemovesAMember()
    {
        var (shares, _) = await CreateAsync();
        await shares.AddAsync(new Share(Group, "b", 1, "https://example.org/b1", null, At));
        await shares.AddAsync(new Share(Group, "a", 1, "https://example.org/a1", null, At.AddMinutes(1)));
        await shares.AddAsync(new Share(Group, "a", 2, "https://example.org/a2", null, At.AddDays(1)));
        await shares.AddAsync(new Share(Group, "c", 1, "https://example.org/c1", null, At.AddMinutes(2)));
        await shares.AddAsync(new Share(new CohortId("other"), "c", 1, "https://example.org/x", null, At));

        var top = await shares.TopAsync(Group, 2);
        await shares.ForgetMemberAsync("a");

        Assert.Equal([new ShareCount("a", 2), new ShareCount("b", 1)], top);
        Assert.Equal(["b", "c"], (await shares.ForCohortAsync(Group)).Select(share => share.MemberId).Order());
    }

    [SkippableFact]
    public async Task Milestone_ReachedOnce_WhateverTheCallers()
    {
        var (_, milestones) = await CreateAsync();

        var reached = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => milestones.TryReachAsync(Group, "discord:1", 7, At)));
        await milestones.TryReachAsync(Group, "discord:1", 30, At);

        Assert.Single(reached, won => won);
        Assert.Equal([7, 30], await milestones.ReachedAsync(Group, "discord:1"));
    }

    [SkippableFact]
    public async Task OptOut_OnOff_AndForget()
    {
        var (_, milestones) = await CreateAsync();

        await milestones.SetOptedOutAsync("discord:1", true);
        await milestones.SetOptedOutAsync("discord:1", true);
        var off = await milestones.IsOptedOutAsync("discord:1");
        await milestones.SetOptedOutAsync("discord:1", false);
        var on = !await milestones.IsOptedOutAsync("discord:1");
        await milestones.SetOptedOutAsync("discord:1", true);
        await milestones.TryReachAsync(Group, "discord:1", 7, At);
        await milestones.ForgetMemberAsync("discord:1");

        Assert.True(off && on);
        Assert.False(await milestones.IsOptedOutAsync("discord:1"));
        Assert.Empty(await milestones.ReachedAsync(Group, "discord:1"));
    }

    [SkippableFact]
    public async Task RoleProblem_NotedOnce_UntilCleared()
    {
        var (_, milestones) = await CreateAsync();
        var problem = new MilestoneRoleProblem(Group, "42", "Discord 403 (50013): Missing Permissions", At);

        var first = await milestones.NoteRoleProblemAsync(problem);
        var second = await milestones.NoteRoleProblemAsync(problem with { Reason = "later" });
        var noted = await milestones.RoleProblemAsync(Group);
        await milestones.ClearRoleProblemAsync(Group);

        Assert.Equal((true, false), (first, second));
        Assert.Equal(problem, noted);
        Assert.Null(await milestones.RoleProblemAsync(Group));
    }
}

public sealed class InMemoryCoachingStoreTests : CoachingStoreContract
{
    protected override Task<(IShareStore Shares, IMilestoneStore Milestones)> CreateAsync() =>
        Task.FromResult<(IShareStore, IMilestoneStore)>((new InMemoryShareStore(), new InMemoryMilestoneStore()));
}

public sealed class SqliteCoachingStoreTests : CoachingStoreContract, IDisposable
{
    private readonly SqliteFile _file = new();

    protected override async Task<(IShareStore Shares, IMilestoneStore Milestones)> CreateAsync()
    {
        var database = await _file.MigratedAsync();
        return (new SqlShareStore(database), new SqlMilestoneStore(database));
    }

    public void Dispose() => _file.Dispose();
}

public sealed class PostgresCoachingStoreTests(PostgresFixture fixture) : CoachingStoreContract, IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresTestDatabase _database = new(fixture);

    protected override async Task<(IShareStore Shares, IMilestoneStore Milestones)> CreateAsync()
    {
        var database = await _database.MigratedAsync();
        return (new SqlShareStore(database), new SqlMilestoneStore(database));
    }

    public void Dispose() => _database.Dispose();
}
