using DevOps90.Bot.Core.Coordination;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Testing.Coordination;

/// <summary>
/// Several instances' <see cref="LeaseSupervisor"/>s on one frozen clock, played as their loops would run them: each
/// round comes exactly when the previous one said the next is due, the earliest first. A killed instance simply
/// stops taking rounds (no release), as a process that dies does; its work ends through <see cref="SlotOccupancy.KillAsync"/>.
/// </summary>
public sealed class LeaseSimulation(FakeTimeProvider clock)
{
    private readonly List<Instance> _instances = [];

    public FakeTimeProvider Clock { get; } = clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Adds an instance whose first round is due now.</summary>
    public void Add(LeaseSupervisor supervisor) => _instances.Add(new Instance(supervisor) { Due = Now });

    /// <summary>The instance takes no more rounds; its leases are left to lapse.</summary>
    public void Stop(LeaseSupervisor supervisor) => _instances.RemoveAll(instance => instance.Supervisor == supervisor);

    /// <summary>When <paramref name="supervisor"/>'s next round is due.</summary>
    public DateTimeOffset DueOf(LeaseSupervisor supervisor) => _instances.Single(instance => instance.Supervisor == supervisor).Due;

    /// <summary>Plays every round due until <paramref name="until"/> (included), then leaves the clock there.</summary>
    public async Task RunUntilAsync(DateTimeOffset until)
    {
        while (_instances.Count > 0 && _instances.MinBy(instance => instance.Due) is { } next && next.Due <= until)
        {
            if (next.Due > Now)
            {
                Clock.SetUtcNow(next.Due);
            }

            next.Due = Now + await next.Supervisor.TickAsync();
        }

        if (until > Now)
        {
            Clock.SetUtcNow(until);
        }
    }

    public Task RunForAsync(TimeSpan span) => RunUntilAsync(Now + span);

    /// <summary>
    /// Starts <paramref name="first"/>, then <paramref name="second"/> <paramref name="offset"/> later, out of step (the
    /// second's rounds do not fall with the first's), and plays five minutes: time enough to share the slots out.
    /// </summary>
    public async Task StartOutOfStepAsync(LeaseSupervisor first, LeaseSupervisor second, TimeSpan offset)
    {
        Add(first);
        await RunForAsync(offset);
        Add(second);
        await RunForAsync(TimeSpan.FromMinutes(5));
    }

    /// <summary>
    /// Kills the instance right after its next renewal, when its leases outlive it longest (SIGKILL): it takes no more
    /// rounds and its work ends. Returns the moment of its death.
    /// </summary>
    public async Task<DateTimeOffset> KillAfterItsNextRenewalAsync(LeaseSupervisor supervisor, SlotOccupancy occupancy)
    {
        await RunUntilAsync(DueOf(supervisor));
        Stop(supervisor);
        await occupancy.KillAsync(supervisor.Owner);
        return Now;
    }

    private sealed class Instance(LeaseSupervisor supervisor)
    {
        public LeaseSupervisor Supervisor { get; } = supervisor;

        public DateTimeOffset Due { get; set; }
    }
}
