using DevOps90.Bot.Core.Coordination;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Storage.Tests;

/// <summary>
/// Three instances splitting a 50-a-second limit through one lease store, on one fake clock (each round played by
/// the test): the shares never add up to more than the limit, a newcomer waits until the others have counted it, and
/// the share of an instance whose heartbeat lapsed goes to the others.
/// </summary>
public abstract class SharedRateBudgetContract : IDisposable
{
    private static readonly RateBudgetPlan Plan = new("discord:rest", 50) { Round = TimeSpan.FromSeconds(2), Ttl = TimeSpan.FromSeconds(6) };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 4, 17, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task Shares_OfThreeInstances_AddUpToTheLimitAtMost_OnceEachHasCountedTheOthers()
    {
        var instances = await ThreeAsync();

        await RoundsAsync(instances);
        var shares = instances.Select(instance => instance.Current!).ToList();

        // The remainder of 50 / 3 goes to the first two in the heartbeats' order: the whole limit, no more.
        Assert.Equal([(17, 3), (17, 3), (16, 3)], shares.Select(share => (share.PerSecond, share.Instances)));
        Assert.Equal(50, shares.Sum(share => share.PerSecond));
    }

    [SkippableFact]
    public async Task Leaving_TheOthersStillCountingTheOldSet_NeverAskForMoreThanTheLimit()
    {
        var instances = await ThreeAsync();
        await RoundsAsync(instances);
        using var stop = new CancellationTokenSource();
        var running = instances[0].RunAsync(stop.Token);

        // The first in the order leaves; the other two hear of it one after the other, each moving up a place.
        await StopAsync(stop, running);
        var sums = new List<int>();
        foreach (var instance in instances[1..])
        {
            await instance.RoundAsync();
            sums.Add(instances[1..].Sum(other => other.Current!.PerSecond));
        }

        Assert.Equal([25 + 16, 50], sums);
    }

    [SkippableFact]
    public async Task Newcomer_SendsNothingUntilTheOthersHaveCountedIt()
    {
        var instances = await ThreeAsync();
        await RoundsAsync(instances);
        var newcomer = new SharedRateBudget(await StoreAsync(), "d", Plan, _clock);

        await newcomer.RoundAsync();
        var joined = _clock.GetUtcNow();
        _clock.Advance(Plan.Round);
        await RoundsAsync([.. instances, newcomer]);
        var waiting = newcomer.Current!;
        _clock.Advance(Plan.Ttl - Plan.Round);

        Assert.Equal(joined + Plan.Ttl, waiting.NotBefore);
        Assert.True(waiting.NotBefore > joined + Plan.Round, "the newcomer could send before the others counted it");
        Assert.Equal([13, 13, 12], instances.Select(instance => instance.Current!.PerSecond));
        Assert.Equal((12, _clock.GetUtcNow()), (newcomer.Current!.PerSecond, newcomer.Current!.NotBefore));
    }

    [SkippableFact]
    public async Task LapsedHeartbeat_ItsShareGoesToTheOthers_AndTheLapsedOneWaits()
    {
        var instances = await ThreeAsync();
        await RoundsAsync(instances);
        var (live, silent) = (instances[..2], instances[2]);

        // The third stops counting (a dead process, a store it cannot reach): its heartbeat lapses after the lease's life.
        for (var elapsed = TimeSpan.Zero; elapsed < Plan.Ttl; elapsed += Plan.Round)
        {
            _clock.Advance(Plan.Round);
            await RoundsAsync(live);
        }

        Assert.All(live, instance => Assert.Equal((25, 2), (instance.Current!.PerSecond, instance.Current!.Instances)));
        Assert.Equal(0, silent.Current!.PerSecond);
        Assert.True(silent.Current!.NotBefore > _clock.GetUtcNow());
    }

    [SkippableFact]
    public async Task Stop_GivesTheHeartbeatBack_AndTheOthersTakeTheShareAtTheirNextRound()
    {
        var instances = await ThreeAsync();
        await RoundsAsync(instances);
        using var stop = new CancellationTokenSource();
        var running = instances[2].RunAsync(stop.Token);

        await StopAsync(stop, running);
        await RoundsAsync(instances[..2]);

        Assert.All(instances[..2], instance => Assert.Equal(25, instance.Current!.PerSecond));
    }

    [SkippableFact]
    public async Task Stop_SendsNothingMoreAtOnce_AndGivesTheHeartbeatBackOnlyAWindowLater()
    {
        // Its last requests must leave the platform's window before the others take its share (see SharedRateBudget).
        var instances = await ThreeAsync();
        await RoundsAsync(instances);
        using var stop = new CancellationTokenSource();
        var running = instances[2].RunAsync(stop.Token);

        await stop.CancelAsync();
        await WaitUntilAsync(() => instances[2].Current!.PerSecond == 0);
        _clock.Advance(Plan.Window - TimeSpan.FromMilliseconds(1));
        await RoundsAsync(instances[..2]);

        Assert.False(running.IsCompleted);
        Assert.Equal([17, 17], instances[..2].Select(instance => instance.Current!.PerSecond));
        await StopAsync(stop, running);
    }

    [SkippableFact]
    public async Task SilentInstance_StopsSendingAWindowBeforeItsHeartbeatCanLapse()
    {
        var instances = await ThreeAsync();
        await RoundsAsync(instances);

        _clock.Advance(Plan.Ttl - Plan.Window);

        Assert.Equal(0, instances[2].Current!.PerSecond);
        await RoundsAsync(instances[..2]);
        Assert.Equal([17, 17], instances[..2].Select(instance => instance.Current!.PerSecond));
    }

    [SkippableFact]
    public async Task Hold_HeardByOneInstance_ReachesTheOthersAtTheirNextRound()
    {
        var instances = await ThreeAsync();
        await RoundsAsync(instances);
        var until = _clock.GetUtcNow() + TimeSpan.FromMinutes(2);

        instances[0].Hold(until);
        await RoundsAsync(instances);

        Assert.All(instances, instance => Assert.Equal(until, instance.Current!.HeldUntil));
    }

    [SkippableFact]
    public async Task Current_BeforeAnyRound_IsNull_SoAProcessThatNeverRunsTheBudgetIsNotHeldByIt()
    {
        var budget = new SharedRateBudget(await StoreAsync(), "a", Plan, _clock);

        Assert.Null(budget.Current);
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Stops an instance's rounds and moves the clock on until it has given its heartbeat back (a window later).</summary>
    private async Task StopAsync(CancellationTokenSource stop, Task running)
    {
        await stop.CancelAsync();
        for (var steps = 0; !running.IsCompleted; steps++)
        {
            Assert.True(steps < 1_000, "the stopped instance never gave its heartbeat back");
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }

        await running;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var steps = 0; !condition(); steps++)
        {
            Assert.True(steps < 10_000, "the condition never held");
            await Task.Delay(1);
        }
    }

    /// <summary>A store on the shared leases, with its own connections where the engine has them.</summary>
    protected abstract Task<ILeaseStore> StoreAsync();

    /// <summary>Three instances that joined a lease's life ago, so that all may send once they have counted.</summary>
    private async Task<SharedRateBudget[]> ThreeAsync()
    {
        var instances = new SharedRateBudget[3];
        for (var i = 0; i < instances.Length; i++)
        {
            instances[i] = new SharedRateBudget(await StoreAsync(), ((char)('a' + i)).ToString(), Plan, _clock);
        }

        await RoundsAsync(instances);
        _clock.Advance(Plan.Ttl - Plan.Round);
        return instances;
    }

    private static async Task RoundsAsync(IEnumerable<SharedRateBudget> instances)
    {
        foreach (var instance in instances)
        {
            await instance.RoundAsync();
        }
    }
}

public sealed class InMemorySharedRateBudgetTests : SharedRateBudgetContract
{
    private readonly InMemoryLeaseStore _store = new();

    protected override Task<ILeaseStore> StoreAsync() => Task.FromResult<ILeaseStore>(_store);
}

public sealed class SqliteSharedRateBudgetTests : SharedRateBudgetContract
{
    private readonly SqliteFile _file = new();
    private bool _migrated;

    protected override async Task<ILeaseStore> StoreAsync()
    {
        if (!_migrated)
        {
            await _file.MigratedAsync();
            _migrated = true;
        }

        return new SqlLeaseStore(_file.Open());
    }

    public override void Dispose()
    {
        _file.Dispose();
        base.Dispose();
    }
}

public sealed class PostgresSharedRateBudgetTests(PostgresFixture fixture) : SharedRateBudgetContract, IClassFixture<PostgresFixture>
{
    private readonly PostgresTestDatabase _database = new(fixture);
    private bool _migrated;

    protected override async Task<ILeaseStore> StoreAsync()
    {
        if (!_migrated)
        {
            await _database.MigratedAsync();
            _migrated = true;
        }

        return new SqlLeaseStore(_database.Open());
    }

    public override void Dispose()
    {
        _database.Dispose();
        base.Dispose();
    }
}
