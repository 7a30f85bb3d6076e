using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>
/// The aggregate queries every participation store must answer alike; run against each implementation. Day 6 is
/// current; a member's check-in of day d is at <c>_at + d hours + a minute per member</c>, so later members lose ties.
/// </summary>
public abstract class ParticipationQueryContract
{
    private const int Current = 6;
    private static readonly CohortId _group = new("group");
    private static readonly DateTimeOffset _at = DateTimeOffset.Parse("2027-01-03T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    // Ranked: ada (6 days, streak 6), cy (5, 5, earlier), dee (5, 5), bob (5, a gap: 3), eve (3, 0), fay (2, a gap: 0).
    private static readonly (string Member, int[] Days)[] _members =
    [
        ("ada", [1, 2, 3, 4, 5, 6]),
        ("bob", [1, 2, 4, 5, 6]),
        ("cy", [1, 2, 3, 4, 5]),
        ("dee", [2, 3, 4, 5, 6]),
        ("eve", [1, 2, 3]),
        ("fay", [1, 3]),
    ];

    protected abstract Task<IParticipationStore> CreateAsync();

    [SkippableFact]
    public async Task LeaderCandidates_All_ReturnsEveryMemberTiedAtTheBoundaryWithCurrentStreaks()
    {
        var store = await FilledAsync();

        var candidates = await store.LeaderCandidatesAsync(_group, null, Current, 2);

        Assert.Equal(
            [Standing("ada", 6, 6, 6), Standing("bob", 5, 3, 6), Standing("cy", 5, 5, 5), Standing("dee", 5, 5, 6)],
            candidates.OrderBy(standing => standing.MemberId, StringComparer.Ordinal));
        Assert.Equal(6, (await store.LeaderCandidatesAsync(_group, null, Current, 10)).Count);
        Assert.Empty(await store.LeaderCandidatesAsync(new CohortId("other"), null, Current, 10));
    }

    [SkippableFact]
    public async Task LeaderCandidates_Since_CountsThePeriodButStreaksOverEverything()
    {
        var store = await FilledAsync();

        var candidates = await store.LeaderCandidatesAsync(_group, _at.AddHours(4.5), Current, 1);

        Assert.Equal(
            [Standing("ada", 2, 6, 6), Standing("bob", 2, 3, 6), Standing("dee", 2, 5, 6)],
            candidates.OrderBy(standing => standing.MemberId, StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Rank_CountsTheMembersAheadByDaysStreakFirstArrivalThenId()
    {
        var store = await FilledAsync();
        string[] ranking = ["ada", "cy", "dee", "bob", "eve", "fay"];

        foreach (var (member, index) in ranking.Select((member, index) => (member, index)))
        {
            var standing = (await store.LeaderCandidatesAsync(_group, null, Current, 10)).Single(candidate => candidate.MemberId == member);
            Assert.Equal(new MemberRank(6, index), await store.RankAsync(_group, standing, Current));
        }

        // Streak 4 beats bob's 3 (his days have a gap); a full tie with cy goes by member id.
        Assert.Equal(3, (await store.RankAsync(_group, new MemberStanding("zed", 5, 4, _at), Current)).Ahead);
        Assert.Equal(2, (await store.RankAsync(_group, Standing("cz", 5, 5, 5) with { LastCheckIn = Last(2, 5) }, Current)).Ahead);
        Assert.Equal(1, (await store.RankAsync(_group, Standing("cx", 5, 5, 5) with { LastCheckIn = Last(2, 5) }, Current)).Ahead);
        Assert.Equal(new MemberRank(0, 0), await store.RankAsync(new CohortId("other"), new MemberStanding("ada", 0, 0, _at), Current));
    }

    [SkippableFact]
    public async Task LeaderCandidatesAndRank_WithFreezes_WalkTheDaysAsStreaksDo()
    {
        // One freeze per 2 days done, one held: bob's missing day 3 is frozen (streak 5), gus's day 5 too (streak 4,
        // though his last day is before yesterday); eve's second missed day and fay's first break theirs.
        var store = await FilledAsync();
        foreach (var day in new[] { 1, 2, 3, 4 })
        {
            await store.AddAsync(new CheckIn(_group, "gus", day, _at.AddHours(day).AddMinutes(30), false));
        }

        var rules = new StreakRules(2, 1);
        var candidates = await store.LeaderCandidatesAsync(_group, null, Current, 10, rules);
        var bob = candidates.Single(candidate => candidate.MemberId == "bob");

        Assert.Equal(
            new Dictionary<string, int> { ["ada"] = 6, ["bob"] = 5, ["cy"] = 5, ["dee"] = 5, ["eve"] = 0, ["fay"] = 0, ["gus"] = 4 },
            candidates.ToDictionary(candidate => candidate.MemberId, candidate => candidate.Streak));
        Assert.Equal(2, (await store.RankAsync(_group, bob, Current, rules)).Ahead);
        Assert.Equal(3, (await store.RankAsync(_group, bob with { Streak = 3 }, Current)).Ahead);
    }

    [SkippableFact]
    public async Task LeaderCandidatesAndRank_CheckInAfterTheCurrentDay_CountsItButStreaksOnlyUpToTheCurrentDay()
    {
        // hal's day 7 counts among his days done (3) but not in his streak (days 5 and 6: 2), nor does it close a gap.
        var store = await FilledAsync();
        foreach (var day in new[] { 5, 6, 7 })
        {
            await store.AddAsync(new CheckIn(_group, "hal", day, _at.AddHours(day).AddMinutes(30), false));
        }

        var hal = (await store.LeaderCandidatesAsync(_group, null, Current, 10)).Single(candidate => candidate.MemberId == "hal");
        var halThisPeriod = (await store.LeaderCandidatesAsync(_group, _at.AddHours(4.5), Current, 10)).Single(candidate => candidate.MemberId == "hal");

        Assert.Equal(new MemberStanding("hal", 3, 2, _at.AddHours(7).AddMinutes(30)), hal);
        Assert.Equal(hal, halThisPeriod);
        Assert.Equal(new MemberRank(7, 4), await store.RankAsync(_group, hal, Current));
    }

    [SkippableFact]
    public async Task Activity_CountsActiveMembersPerDayAndTheInactive()
    {
        var store = await FilledAsync();

        var activity = await store.ActivityAsync(_group, new ActivityQuery(_at.AddHours(6), _at.AddHours(7), _at.AddHours(5), _at.AddHours(4), 4, 6));

        Assert.Equal((3, 4, 6), (activity.ActiveToday, activity.ActiveThisWeek, activity.Members));
        Assert.Equal(new Dictionary<int, int> { [4] = 4, [5] = 4, [6] = 3 }, activity.PerDay);
        Assert.Equal(["eve", "fay"], activity.Inactive.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task LessonActivity_CountsEachDaysCheckInsAndTheMembersActiveInItsWindow_InTheWindowsOrder()
    {
        var store = await FilledAsync();
        await store.AddAsync(new CheckIn(new CohortId("other"), "ada", 5, _at.AddHours(5), false));

        var activity = await store.LessonActivityAsync(_group, [
            new LessonWindow(5, _at.AddHours(5), _at.AddHours(6)),
            new LessonWindow(1, _at, _at.AddHours(1.5)),
            new LessonWindow(9, _at.AddHours(9), _at.AddHours(10)),
        ]);

        Assert.Equal([new LessonActivity(5, 4, 4), new LessonActivity(1, 5, 5), new LessonActivity(9, 0, 0)], activity);
        Assert.Empty(await store.LessonActivityAsync(_group, []));
    }

    [SkippableFact]
    public async Task StreamCohort_ReadsByDayThenTimeThenMember_WithinTheBounds()
    {
        var store = await FilledAsync();
        await store.AddAsync(new CheckIn(_group, "abe", 5, Last(3, 5), true));
        await store.AddAsync(new CheckIn(new CohortId("other"), "ada", 5, _at, false));

        var all = await Read(store.StreamCohortAsync(_group));
        var dayFive = await Read(store.StreamCohortAsync(_group, _at.AddHours(5), _at.AddHours(6)));

        Assert.Equal(_members.Sum(member => member.Days.Length) + 1, all.Count);
        Assert.Equal(all.OrderBy(checkIn => checkIn.Day).ThenBy(checkIn => checkIn.At), all);
        Assert.Equal(["ada", "bob", "cy", "abe", "dee"], dayFive.Select(checkIn => checkIn.MemberId));
        Assert.Equal(new CheckIn(_group, "abe", 5, Last(3, 5), true), dayFive[3]);
    }

    private static DateTimeOffset Last(int memberIndex, int day) => _at.AddHours(day).AddMinutes(memberIndex);

    private static MemberStanding Standing(string member, int daysDone, int streak, int lastDay) =>
        new(member, daysDone, streak, Last(Array.FindIndex(_members, entry => entry.Member == member), lastDay));

    private static async Task<List<CheckIn>> Read(IAsyncEnumerable<CheckIn> checkIns)
    {
        var read = new List<CheckIn>();
        await foreach (var checkIn in checkIns)
        {
            read.Add(checkIn);
        }

        return read;
    }

    private async Task<IParticipationStore> FilledAsync()
    {
        var store = await CreateAsync();
        foreach (var ((member, days), index) in _members.Select((entry, index) => (entry, index)))
        {
            foreach (var day in days)
            {
                await store.AddAsync(new CheckIn(_group, member, day, Last(index, day), false));
            }
        }

        return store;
    }
}

public sealed class InMemoryParticipationQueryTests : ParticipationQueryContract
{
    protected override Task<IParticipationStore> CreateAsync() => Task.FromResult<IParticipationStore>(new InMemoryParticipationStore());
}

public sealed class SqliteParticipationQueryTests : ParticipationQueryContract, IDisposable
{
    private readonly SqliteFile _file = new();

    protected override async Task<IParticipationStore> CreateAsync() => new SqlParticipationStore(await _file.MigratedAsync());

    public void Dispose() => _file.Dispose();
}

public sealed class PostgresParticipationQueryTests(PostgresFixture fixture) : ParticipationQueryContract, IClassFixture<PostgresFixture>, IDisposable
{
    private readonly PostgresTestDatabase _database = new(fixture);

    protected override async Task<IParticipationStore> CreateAsync() => new SqlParticipationStore(await _database.MigratedAsync());

    public void Dispose() => _database.Dispose();
}
