namespace DevOps90.Bot.Core.Coordination;

/// <summary>
/// A platform's rate limit that binds the bot as a whole (Discord's 50 requests a second), split between the
/// instances that share a lease store: each live instance holds a heartbeat lease (<c>&lt;name&gt;:instance:&lt;id&gt;</c>)
/// and takes floor(total / live instances), counted again every <see cref="RateBudgetPlan.Round"/>; the remainder goes
/// one each to the first instances in the order of their heartbeats' names (3 instances of 50: 17, 17 and 16), so the
/// whole limit is used. Nothing is asked of the database per request.
/// <para>
/// The shares add up to the total only if every instance has counted every other. So an instance sends nothing for
/// <see cref="RateBudgetPlan.Ttl"/> after it joins (its heartbeat written, or written again after it lapsed), by which
/// time each instance still sending has counted since; and an instance whose last count is older than the lease's
/// life less the platform's window (<see cref="RateBudgetPlan.Window"/>) sends nothing until it counts again (its
/// heartbeat may lapse, and the others take its share; its last sends must have left the window by then). An instance
/// that stops sends nothing more and releases its heartbeat one window later; one that dies loses it after the
/// lease's expiry: the others take its share at their next count. Either way, no window the platform counts holds the
/// leaving instance's last requests and the others' larger shares together.
/// </para>
/// <para>
/// The remainder keeps that promise: when an instance leaves, every other's place in the order stays or moves up, and
/// its share stays or grows, so instances still counting the old set ask for no more than they will under the new
/// one; when one joins, the others' shares stay or shrink, and it sends nothing until they have counted it.
/// </para>
/// <para>
/// A hold for the whole bot (Discord's global 429) is shared through a lease too (<c>&lt;name&gt;:hold</c>, expiring with
/// it): written at this instance's next round, read by the others at theirs, so it reaches them within two rounds.
/// That helps with long holds only; a short one is over before they could hear of it, and each instance's own hold
/// after its own 429 covers it.
/// </para>
/// </summary>
public sealed class SharedRateBudget(ILeaseStore store, string owner, RateBudgetPlan plan, TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _joinedAt;
    private DateTimeOffset? _countedAt;
    private int _instances;

    // This instance's place among the live heartbeats' names (0 first); past the end when its own was not among them.
    private int _rank = int.MaxValue;
    private DateTimeOffset _heldUntil;
    private DateTimeOffset? _holdToShare;
    private bool _started;

    // Stopped: sends nothing more (its heartbeat is given back a window later, see RunAsync).
    private bool _leaving;

    public RateBudgetPlan Plan => plan;

    private string HeartbeatName => $"{plan.Name}:instance:{owner}";

    private string HoldName => $"{plan.Name}:hold";

    /// <summary>
    /// This instance's share now: 0 while it may not send (joining, or its count is too old). Null before any round
    /// started: a process that never runs the budget (a command-line verb sending a few requests) is not held by it.
    /// </summary>
    public RateShare? Current
    {
        get
        {
            var now = time.GetUtcNow();
            lock (_lock)
            {
                if (!_started)
                {
                    return null;
                }

                if (_leaving)
                {
                    return new RateShare(0, _instances, DateTimeOffset.MaxValue, _heldUntil);
                }

                if (_joinedAt is not { } joined || _countedAt is not { } counted || now - counted >= plan.Ttl - plan.Window)
                {
                    // Until the next round that counts: a round is at most that far away.
                    return new RateShare(0, _instances, now + plan.Round, _heldUntil);
                }

                var instances = Math.Max(1, _instances);
                var perSecond = Math.Max(1, (plan.Total / instances) + (_rank < plan.Total % instances ? 1 : 0));
                return new RateShare(perSecond, _instances, joined + plan.Ttl, _heldUntil);
            }
        }
    }

    /// <summary>The platform held back the whole bot until <paramref name="until"/>: this instance holds at once, the others at their next round.</summary>
    public void Hold(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _heldUntil)
            {
                _heldUntil = until;
                _holdToShare = until;
            }
        }
    }

    /// <summary>
    /// One round: renews the heartbeat (joining anew when it had lapsed), shares a pending hold, counts the live
    /// instances and reads the others' hold. A failing store leaves the last count, which ages out (see above).
    /// Public so that tests can play several instances on one fake clock.
    /// </summary>
    public async Task RoundAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _started = true;
        }

        await store.TryAcquireAsync(HeartbeatName, owner, now, plan.Ttl, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? hold;
        lock (_lock)
        {
            hold = _holdToShare;
            _holdToShare = null;
        }

        if (hold is { } until && until > now)
        {
            // Taken only when free: a hold another instance wrote is already there for everyone.
            await store.TryAcquireAsync(HoldName, owner, now, until - now, cancellationToken).ConfigureAwait(false);
        }

        var leases = await store.ListAsync(plan.Name + ":", now, cancellationToken).ConfigureAwait(false);
        var heartbeats = leases.Select(lease => lease.Name).Where(name => name.StartsWith(plan.Name + ":instance:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var rank = heartbeats.IndexOf(HeartbeatName);
        var sharedHold = leases.FirstOrDefault(lease => lease.Name == HoldName)?.ExpiresAt;
        lock (_lock)
        {
            // Joined anew when the heartbeat could have lapsed since the last count: the others may have dropped it.
            if (_countedAt is not { } counted || now - counted >= plan.Ttl)
            {
                _joinedAt = now;
            }

            _countedAt = now;
            _instances = Math.Max(1, heartbeats.Count);
            _rank = rank < 0 ? int.MaxValue : rank;
            if (sharedHold is { } shared && shared > _heldUntil)
            {
                _heldUntil = shared;
            }
        }
    }

    /// <summary>
    /// A first round for a process that can do without the budget (a command-line verb): false, leaving the budget as
    /// if never started (not holding anything back), when the store could not be counted on.
    /// </summary>
    public async Task<bool> TryJoinAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await RoundAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // Whatever the store's failure, the caller goes on as before there was a budget.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            lock (_lock)
            {
                _started = false;
            }

            plan.OnFailure?.Invoke(exception);
            return false;
        }
    }

    /// <summary>
    /// Rounds every <see cref="RateBudgetPlan.Round"/> until stopped; then sends nothing more and, a window later, gives
    /// the heartbeat back so the others take this share at their next round.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                try
                {
                    await RoundAsync(stopping).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The store may be briefly unreachable: the count ages, and past the lease's life this instance waits.
                    plan.OnFailure?.Invoke(exception);
                }

                await Task.Delay(plan.Round, time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Given back at once, the others would take this share at their next round while this instance's last
            // requests are still in the window the platform counts: together, more than the limit.
            lock (_lock)
            {
                _leaving = true;
            }

            await Task.Delay(plan.Window, time, CancellationToken.None).ConfigureAwait(false);
            await store.ReleaseAsync(HeartbeatName, owner, CancellationToken.None).ConfigureAwait(false);
        }
    }
}

/// <summary>What one instance may send now.</summary>
/// <param name="PerSecond">Its requests a second; 0 while it may not send.</param>
/// <param name="Instances">The live instances it counted (itself included).</param>
/// <param name="NotBefore">When it may send at all (the end of its joining wait, or of the wait for its next count).</param>
/// <param name="HeldUntil">A hold for the whole bot, heard from the platform here or through another instance.</param>
public sealed record RateShare(int PerSecond, int Instances, DateTimeOffset NotBefore, DateTimeOffset HeldUntil);

/// <summary>How a <see cref="SharedRateBudget"/> is split and how often it is counted.</summary>
/// <param name="Name">The leases' prefix, e.g. "discord:rest".</param>
/// <param name="Total">The limit for the whole bot, per second.</param>
public sealed record RateBudgetPlan(string Name, int Total)
{
    /// <summary>How often each instance renews its heartbeat and counts the others.</summary>
    public TimeSpan Round { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The heartbeat's life: a dead instance's share is taken this long (plus a round) after it died. At least a round
    /// and a window: an instance stops sending a window before its heartbeat could lapse.
    /// </summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>The period the platform counts the limit over (Discord: a second, with the limiter's margin).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Told of a round that failed (the caller logs it).</summary>
    public Action<Exception>? OnFailure { get; init; }
}
