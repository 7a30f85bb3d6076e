using System.Runtime.ExceptionServices;

namespace DevOps90.Bot.Core.Coordination;

/// <summary>
/// Runs a slot's work (a gateway shard, a Socket Mode connection) only while this instance holds the slot's lease, so
/// that of N identical instances exactly one runs each: it takes free slots, renews what it holds every
/// <see cref="LeasePlan.RenewEvery"/>, stops a slot's work at once when a renewal fails, and releases everything on a
/// graceful stop so that another instance takes over at once. When an instance dies, its leases lapse after
/// <see cref="LeasePlan.Ttl"/>, and the others wake at that very moment to take them.
/// <para>
/// Balance, with <see cref="LeasePlan.InstancePrefix"/>: each instance renews a heartbeat lease of its own, counts the
/// live ones (L) and holds at most ceil(slots / L). Above that share it gives back one slot per
/// <see cref="LeasePlan.RebalanceEvery"/>, which an instance under its share takes at its next round: a newcomer gets
/// its share within a few minutes, each move costing one reconnection. Nothing more clever is needed: the shares add up
/// to at least the number of slots, so no slot stays free while every instance is alive and below its share.
/// </para>
/// </summary>
public sealed class LeaseSupervisor(
    ILeaseStore store,
    string owner,
    LeasePlan plan,
    Func<LeaseSlot, CancellationToken, Task> work,
    TimeProvider time,
    ILeaseObserver? observer = null)
{
    /// <summary>How long a slot given back may take to stop before it is left to lapse rather than released.</summary>
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, RunningSlot> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _seenHolders = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastGiveBack;

    public string Owner => owner;

    public LeasePlan Plan => plan;

    /// <summary>The slots whose work runs here now.</summary>
    public IReadOnlyList<LeaseSlot> Held
    {
        get
        {
            lock (_lock)
            {
                return [.. _running.Values.Select(running => running.Slot).OrderBy(slot => slot.Number)];
            }
        }
    }

    private string? HeartbeatName => plan.InstancePrefix is { } prefix ? prefix + owner : null;

    /// <summary>
    /// Rounds of <see cref="TickAsync"/> until <paramref name="stopping"/> is cancelled; then stops every slot's work and
    /// releases the leases. A slot's work that fails (not cancelled by us) stops the others too and is thrown here.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                var wait = await TickAsync(stopping).ConfigureAwait(false);
                await WaitAsync(wait, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the finally block gives everything back.
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops every slot's work, then releases its lease and the heartbeat: what a stopped <see cref="RunAsync"/> does.</summary>
    public async Task StopAsync()
    {
        var all = Snapshot();
        foreach (var running in all)
        {
            Forget(running);
            await running.Stop.CancelAsync().ConfigureAwait(false);
        }

        // No patience of our own here: the host's shutdown timeout bounds the stop.
        await Task.WhenAll(all.Select(running => running.Run)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var running in all)
        {
            running.Stop.Dispose();
            await ReleaseAsync(running.Slot).ConfigureAwait(false);
            Report(new LeaseChange(LeaseChangeKind.Released, running.Slot, Reason: "this instance is stopping"));
        }

        if (HeartbeatName is { } heartbeat)
        {
            await ReleaseAsync(heartbeat).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One round: notes work that ended, renews held leases (stopping what was lost), beats the heartbeat, takes free
    /// slots up to this instance's share, gives one back when above it. Returns how long until the next round is due.
    /// Public so that tests can play several instances on one fake clock.
    /// </summary>
    public async Task<TimeSpan> TickAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await CollectEndedWorkAsync().ConfigureAwait(false);
        await RenewAsync(now, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<Lease> slots;
        IReadOnlyList<Lease> instances = [];
        try
        {
            if (HeartbeatName is { } heartbeat)
            {
                await store.TryAcquireAsync(heartbeat, owner, now, plan.Ttl, cancellationToken).ConfigureAwait(false);
                instances = await store.ListAsync(plan.InstancePrefix!, now, cancellationToken).ConfigureAwait(false);
            }

            slots = await store.ListAsync(plan.Prefix, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Report(new LeaseChange(LeaseChangeKind.StoreFailed, Error: exception));
            return plan.RenewEvery;
        }

        var holders = slots.ToDictionary(lease => lease.Name, lease => lease.Holder, StringComparer.Ordinal);
        NoteHolders(holders);
        var share = ShareOf(instances);
        await TakeFreeSlotsAsync(holders, share, now, cancellationToken).ConfigureAwait(false);
        await GiveBackOneAsync(share, instances.Count, now).ConfigureAwait(false);
        return NextRound(now, [.. slots, .. instances], share) - now;
    }

    /// <summary>ceil(slots / live instances), this one counted even before its heartbeat shows; all slots without balancing.</summary>
    private int ShareOf(IReadOnlyList<Lease> instances)
    {
        if (plan.InstancePrefix is null)
        {
            return plan.Slots.Count;
        }

        var live = instances.Select(lease => lease.Holder).Append(owner).Distinct(StringComparer.Ordinal).Count();
        return (plan.Slots.Count + live - 1) / live;
    }

    private async Task RenewAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var running in Snapshot())
        {
            bool held;
            try
            {
                held = await store.TryAcquireAsync(running.Slot.Name, owner, now, plan.Ttl, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Report(new LeaseChange(LeaseChangeKind.StoreFailed, running.Slot, Error: exception));
                // Still ours until it lapses; but if the next round may come too late, nothing proves it then.
                if (now + plan.RenewEvery < running.HeldUntil)
                {
                    continue;
                }

                await StopWorkAsync(running).ConfigureAwait(false);
                Report(new LeaseChange(LeaseChangeKind.Lost, running.Slot, Reason: "the lease store could not renew it before it lapses"));
                continue;
            }

            if (held)
            {
                running.HeldUntil = now + plan.Ttl;
                continue;
            }

            // Another instance took it after it lapsed here (a pause, a slow store): it may be connecting already.
            await StopWorkAsync(running).ConfigureAwait(false);
            Report(new LeaseChange(LeaseChangeKind.Lost, running.Slot, Reason: "another instance holds it"));
        }
    }

    private async Task TakeFreeSlotsAsync(Dictionary<string, string> holders, int share, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var slot in plan.Slots)
        {
            if (Count() >= share)
            {
                return;
            }

            if (IsRunning(slot) || (holders.TryGetValue(slot.Name, out var holder) && holder != owner))
            {
                continue;
            }

            try
            {
                if (!await store.TryAcquireAsync(slot.Name, owner, now, plan.Ttl, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Report(new LeaseChange(LeaseChangeKind.StoreFailed, slot, Error: exception));
                return;
            }

            Start(slot, now);
        }
    }

    /// <summary>Above its share, an instance gives back its last slot, at most once per <see cref="LeasePlan.RebalanceEvery"/>.</summary>
    private async Task GiveBackOneAsync(int share, int liveInstances, DateTimeOffset now)
    {
        if (Count() <= share || (_lastGiveBack is { } last && now - last < plan.RebalanceEvery))
        {
            return;
        }

        var running = Snapshot().MaxBy(candidate => candidate.Slot.Number)!;
        _lastGiveBack = now;
        if (await StopWorkAsync(running).ConfigureAwait(false))
        {
            await ReleaseAsync(running.Slot).ConfigureAwait(false);
        }

        Report(new LeaseChange(LeaseChangeKind.Released, running.Slot, Reason: $"balancing: {liveInstances} instances share {plan.Slots.Count}, {share} each at most"));
    }

    /// <summary>
    /// The next renewal, or earlier: the moment another holder's lease lapses (a dead instance's slot is taken at
    /// once), or when this instance may give back its next slot.
    /// </summary>
    private DateTimeOffset NextRound(DateTimeOffset now, IEnumerable<Lease> leases, int share)
    {
        var next = now + plan.RenewEvery;
        foreach (var lease in leases)
        {
            if (lease.Holder != owner && lease.ExpiresAt < next)
            {
                next = lease.ExpiresAt;
            }
        }

        if (Count() > share && _lastGiveBack is { } last && last + plan.RebalanceEvery < next)
        {
            next = last + plan.RebalanceEvery;
        }

        return next > now ? next : now;
    }

    /// <summary>Reports each slot held elsewhere when its holder changes (a free slot seen first is not news).</summary>
    private void NoteHolders(Dictionary<string, string> holders)
    {
        foreach (var slot in plan.Slots)
        {
            var holder = holders.GetValueOrDefault(slot.Name);
            var known = _seenHolders.TryGetValue(slot.Name, out var seen);
            if (holder == owner || (known && seen == holder) || (!known && holder is null))
            {
                _seenHolders[slot.Name] = holder;
                continue;
            }

            _seenHolders[slot.Name] = holder;
            Report(new LeaseChange(LeaseChangeKind.HeldElsewhere, slot, holder));
        }
    }

    /// <summary>Work that ended by itself gives its slot back; work that failed stops everything (<see cref="RunAsync"/>).</summary>
    private async Task CollectEndedWorkAsync()
    {
        Exception? failure = null;
        foreach (var running in Snapshot().Where(running => running.Run.IsCompleted))
        {
            Forget(running);
            running.Stop.Dispose();
            await ReleaseAsync(running.Slot).ConfigureAwait(false);
            if (running.Run.Exception?.InnerException is { } exception)
            {
                failure ??= exception;
            }
            else
            {
                Report(new LeaseChange(LeaseChangeKind.WorkEnded, running.Slot));
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private void Start(LeaseSlot slot, DateTimeOffset now)
    {
        var stop = new CancellationTokenSource();
        _seenHolders[slot.Name] = owner;
        Report(new LeaseChange(LeaseChangeKind.Taken, slot, owner));
        var run = Task.Run(() => work(slot, stop.Token), CancellationToken.None);
        lock (_lock)
        {
            _running[slot.Name] = new RunningSlot(slot, stop, run) { HeldUntil = now + plan.Ttl };
        }
    }

    /// <summary>Cancels the slot's work at once, then waits a while for it to end; true when it did.</summary>
    private async Task<bool> StopWorkAsync(RunningSlot running)
    {
        Forget(running);
        await running.Stop.CancelAsync().ConfigureAwait(false);
        await running.Run.WaitAsync(StopPatience, time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        running.Stop.Dispose();
        return running.Run.IsCompleted;
    }

    private Task ReleaseAsync(LeaseSlot slot) => ReleaseAsync(slot.Name);

    /// <summary>Best effort: a lease that cannot be released lapses after its ttl all the same.</summary>
    private async Task ReleaseAsync(string name)
    {
        try
        {
            await store.ReleaseAsync(name, owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Report(new LeaseChange(LeaseChangeKind.StoreFailed, Reason: $"releasing {name}", Error: exception));
        }
    }

    /// <summary>Wakes at the next round, or as soon as some slot's work ends (to give it back, or to stop on a failure).</summary>
    private async Task WaitAsync(TimeSpan wait, CancellationToken stopping)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Task[] watched = [Task.Delay(wait, time, wake.Token), .. Snapshot().Select(running => running.Run)];
        await Task.WhenAny(watched).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        stopping.ThrowIfCancellationRequested();
    }

    private void Report(LeaseChange change) => observer?.OnChange(change);

    private List<RunningSlot> Snapshot()
    {
        lock (_lock)
        {
            return [.. _running.Values];
        }
    }

    private int Count()
    {
        lock (_lock)
        {
            return _running.Count;
        }
    }

    private bool IsRunning(LeaseSlot slot)
    {
        lock (_lock)
        {
            return _running.ContainsKey(slot.Name);
        }
    }

    private void Forget(RunningSlot running)
    {
        lock (_lock)
        {
            _running.Remove(running.Slot.Name);
        }
    }

    private sealed class RunningSlot(LeaseSlot slot, CancellationTokenSource stop, Task run)
    {
        public LeaseSlot Slot { get; } = slot;

        public CancellationTokenSource Stop { get; } = stop;

        public Task Run { get; } = run;

        /// <summary>Until when the store last confirmed this lease as ours.</summary>
        public DateTimeOffset HeldUntil { get; set; }
    }
}
