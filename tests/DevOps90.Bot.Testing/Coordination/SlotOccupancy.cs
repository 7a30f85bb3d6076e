using System.Collections.Concurrent;

namespace DevOps90.Bot.Testing.Coordination;

/// <summary>
/// Stand-in work for leased slots (a gateway shard's session, a socket) that records who runs which slot, and every
/// moment two instances ran the same one: the thing leases exist to prevent. An instance's work runs until its
/// supervisor cancels it or the test kills the instance.
/// </summary>
public sealed class SlotOccupancy
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, int>> _running = new();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _processes = new();
    private readonly ConcurrentQueue<string> _overlaps = new();
    private readonly Lock _killing = new();
    private readonly ConcurrentQueue<(string Owner, int Slot)> _starts = new();

    /// <summary>Each time two instances ran one slot at once, which and who.</summary>
    public IReadOnlyCollection<string> Overlaps => _overlaps;

    /// <summary>Every start of a slot's work, in order.</summary>
    public IReadOnlyCollection<(string Owner, int Slot)> Starts => _starts;

    /// <summary>The work an instance runs for a slot: stays until cancelled or the instance is killed.</summary>
    public Func<int, CancellationToken, Task> WorkOf(string owner)
    {
        var process = _processes.GetOrAdd(owner, _ => new CancellationTokenSource());
        return async (slot, cancellationToken) =>
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, process.Token);
            // The supervisor starts work on the thread pool: on a loaded machine it may first run after the kill, when
            // a dead process would run nothing. Checked and entered under the kill's lock, so that KillAsync either
            // sees this work in its slot (and waits for it to leave) or this work sees the kill.
            lock (_killing)
            {
                if (process.IsCancellationRequested)
                {
                    return;
                }

                Enter(owner, slot);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped: the session closes.
            }
            finally
            {
                Leave(owner, slot);
            }
        };
    }

    /// <summary>
    /// The instance's process is gone: all its work ends at once, without its supervisor's knowledge. Waits until the
    /// cancelled work has left its slots, since a dead process runs nothing while the cancellations' continuations may
    /// still be queued on a loaded machine (an overlap seen then would be the test's, not the leases'); work of its
    /// that had not started yet never enters (see <see cref="WorkOf"/>).
    /// </summary>
    public Task KillAsync(string owner)
    {
        var process = _processes[owner];
        lock (_killing)
        {
            process.Cancel();
        }

        return WaitUntilAsync(
            occupancy => occupancy._running.Values.All(owners => owners.GetValueOrDefault(owner) == 0),
            $"{owner}'s work ends after it was killed");
    }

    /// <summary>Which instances run <paramref name="slot"/> now.</summary>
    public IReadOnlyList<string> RunnersOf(int slot) =>
        _running.TryGetValue(slot, out var owners) ? [.. owners.Where(pair => pair.Value > 0).Select(pair => pair.Key)] : [];

    /// <summary>Waits until slots 0 to <paramref name="count"/> - 1 each run on one instance: <paramref name="owner"/>, when given.</summary>
    public Task WaitUntilEachRunsOnceAsync(int count, string? owner = null) => WaitUntilAsync(
        occupancy => Enumerable.Range(0, count).All(slot => occupancy.RunnersOf(slot) is [var runner] && (owner is null || runner == owner)),
        owner is null ? $"each of {count} slots runs once" : $"{owner} runs each of {count} slots");

    /// <summary>Waits (real time, bounded) until the work started or stopped by the last rounds has caught up.</summary>
    public async Task WaitUntilAsync(Func<SlotOccupancy, bool> condition, string what)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition(this))
        {
            try
            {
                await Task.Delay(5, patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not reached within {Patience.TotalSeconds} s: {what}");
            }
        }
    }

    private void Enter(string owner, int slot)
    {
        var owners = _running.GetOrAdd(slot, _ => new ConcurrentDictionary<string, int>());
        owners.AddOrUpdate(owner, 1, (_, count) => count + 1);
        _starts.Enqueue((owner, slot));
        var runners = RunnersOf(slot);
        if (runners.Count > 1 || owners[owner] > 1)
        {
            _overlaps.Enqueue($"slot {slot} run by {string.Join(" and ", runners)} at once");
        }
    }

    private void Leave(string owner, int slot) => _running[slot].AddOrUpdate(owner, 0, (_, count) => count - 1);
}
