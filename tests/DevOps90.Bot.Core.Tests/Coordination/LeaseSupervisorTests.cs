using System.Globalization;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Testing.Coordination;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Core.Tests.Coordination;

/// <summary>Instances sharing slots through one lease store, on a frozen clock moved by the simulation alone.</summary>
public sealed class LeaseSupervisorTests
{
    private static readonly DateTimeOffset _start = DateTimeOffset.Parse("2027-01-04T08:00:00Z", CultureInfo.InvariantCulture);

    private readonly FakeTimeProvider _clock = new(_start);
    private readonly InMemoryLeaseStore _store = new();
    private readonly SlotOccupancy _occupancy = new();
    private readonly RecordingLeaseObserver _observer = new();
    private readonly LeaseSimulation _simulation;

    public LeaseSupervisorTests() => _simulation = new LeaseSimulation(_clock);

    [Fact]
    public async Task TickAsync_TwoInstances_ShareTheSlotsAndNeverRunOneTwice()
    {
        var a = Supervisor("a", Slots(4));
        var b = Supervisor("b", Slots(4));

        await _simulation.StartOutOfStepAsync(a, b, TimeSpan.FromSeconds(5));
        await _occupancy.WaitUntilEachRunsOnceAsync(4);

        // a came first and took all four; from b's first heartbeat on, it gave back two, one at a time.
        Assert.Equal((2, 2), (a.Held.Count, b.Held.Count));
        Assert.Equal([0, 1, 2, 3], a.Held.Concat(b.Held).Select(slot => slot.Number).Order());
        Assert.Empty(_occupancy.Overlaps);
        Assert.Equal(2, _observer.OfKind(LeaseChangeKind.Released).Count);
    }

    [Fact]
    public async Task TickAsync_AnInstanceDies_AnotherTakesItsSlotsWhenItsLeasesLapse()
    {
        var a = Supervisor("a", Slots(4));
        var b = Supervisor("b", Slots(4));
        // Out of step: b's regular rounds do not fall when a's leases lapse, only the wake-up at their expiry does.
        await _simulation.StartOutOfStepAsync(a, b, TimeSpan.FromSeconds(5));

        var death = await _simulation.KillAfterItsNextRenewalAsync(a, _occupancy);
        await _simulation.RunUntilAsync(death + TimeSpan.FromSeconds(30));
        await _occupancy.WaitUntilEachRunsOnceAsync(4, "b");

        Assert.Equal([0, 1, 2, 3], b.Held.Select(slot => slot.Number));
        Assert.Empty(_occupancy.Overlaps);
    }

    [Fact]
    public async Task TickAsync_LeaseTakenByAnotherAfterAPause_StopsThatWorkAtOnce()
    {
        var a = Supervisor("a", Slots(1));
        await a.TickAsync();
        await _occupancy.WaitUntilEachRunsOnceAsync(1, "a");

        // a stalls past its lease (a long pause); another instance takes the slot in the meantime.
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await _store.TryAcquireAsync("test:slot:0", "b", _clock.GetUtcNow(), TimeSpan.FromSeconds(30)));
        await a.TickAsync();

        Assert.Empty(a.Held);
        Assert.Empty(_occupancy.RunnersOf(0));
        var lost = Assert.Single(_observer.OfKind(LeaseChangeKind.Lost));
        Assert.Equal("another instance holds it", lost.Reason);
        Assert.Equal("b", Assert.Single(_observer.OfKind(LeaseChangeKind.HeldElsewhere)).Holder);
    }

    [Fact]
    public async Task TickAsync_StoreFails_KeepsTheWorkUntilTheLeaseCouldLapseBeforeTheNextRound()
    {
        var store = new FailingLeaseStore(_store);
        var a = new LeaseSupervisor(store, "a", Slots(1), Work("a"), _clock, _observer);
        await a.TickAsync();
        await _occupancy.WaitUntilEachRunsOnceAsync(1, "a");

        store.Failing = true;
        _clock.Advance(TimeSpan.FromSeconds(10));
        await a.TickAsync();
        var afterOneFailure = a.Held.Count;
        _clock.Advance(TimeSpan.FromSeconds(10));
        await a.TickAsync();

        // Renewed at 0 s until 30 s: at 10 s the next try (20 s) is still in time; at 20 s the one after (30 s) is not.
        Assert.Equal(1, afterOneFailure);
        Assert.Empty(a.Held);
        Assert.Empty(_occupancy.RunnersOf(0));
        Assert.Contains(_observer.Changes, change => change is { Kind: LeaseChangeKind.Lost, Reason: "the lease store could not renew it before it lapses" });
    }

    [Fact]
    public async Task RunAsync_Stopped_EndsTheWorkThenReleasesEveryLeaseForAnotherToTakeAtOnce()
    {
        var a = Supervisor("a", Slots(2));
        using var stop = new CancellationTokenSource();
        var run = a.RunAsync(stop.Token);
        await _occupancy.WaitUntilEachRunsOnceAsync(2, "a");

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        var left = await _store.ListAsync("test:", _clock.GetUtcNow());
        var b = Supervisor("b", Slots(2));
        await b.TickAsync();

        Assert.Empty(left);
        Assert.Equal(2, b.Held.Count);
        Assert.Equal(2, _observer.OfKind(LeaseChangeKind.Released).Count(change => change.Reason == "this instance is stopping"));
    }

    [Fact]
    public async Task RunAsync_WorkFails_StopsTheOtherSlotsReleasesThemAndThrowsTheFailure()
    {
        var plan = Slots(2);
        var a = new LeaseSupervisor(_store, "a", plan, (slot, token) => slot.Number == 1
            ? Task.FromException(new InvalidOperationException("refused for good"))
            : Task.Delay(Timeout.Infinite, token), _clock, _observer);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => a.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("refused for good", failure.Message);
        Assert.Empty(a.Held);
        Assert.Empty(await _store.ListAsync("test:", _clock.GetUtcNow()));
    }

    [Fact]
    public async Task TickAsync_WithoutBalancing_OneInstanceHoldsEverySlotAndTheOtherWaits()
    {
        var plan = LeasePlan.OneSlot("slack:socket", "Slack Socket Mode");
        var a = new LeaseSupervisor(_store, "a", plan, Work("a"), _clock, _observer);
        var b = new LeaseSupervisor(_store, "b", plan, Work("b"), _clock, _observer);
        _simulation.Add(a);
        _simulation.Add(b);

        await _simulation.RunForAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((1, 0), (a.Held.Count, b.Held.Count));
        Assert.Equal("a", Assert.Single(_observer.OfKind(LeaseChangeKind.HeldElsewhere)).Holder);
    }

    private static LeasePlan Slots(int count) =>
        new("test:slot:", [.. Enumerable.Range(0, count).Select(number => new LeaseSlot($"test:slot:{number}", number, $"slot {number}"))], "test:instance:");

    private LeaseSupervisor Supervisor(string owner, LeasePlan plan) => new(_store, owner, plan, Work(owner), _clock, _observer);

    private Func<LeaseSlot, CancellationToken, Task> Work(string owner)
    {
        var work = _occupancy.WorkOf(owner);
        return (slot, token) => work(slot.Number, token);
    }

    /// <summary>The store behind it, until <see cref="Failing"/>: then every call fails as a database that went away.</summary>
    private sealed class FailingLeaseStore(ILeaseStore inner) : ILeaseStore
    {
        public bool Failing { get; set; }

        public Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken = default) =>
            Failing ? throw new TimeoutException("the database did not answer") : inner.TryAcquireAsync(name, owner, now, ttl, cancellationToken);

        public Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) =>
            Failing ? throw new TimeoutException("the database did not answer") : inner.ReleaseAsync(name, owner, cancellationToken);

        public Task<IReadOnlyList<Lease>> ListAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Failing ? throw new TimeoutException("the database did not answer") : inner.ListAsync(prefix, now, cancellationToken);
    }
}
