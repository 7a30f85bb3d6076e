using System.Threading.Channels;

namespace DevOps90.Bot.Core.Background;

/// <summary>What a queue does, when the stop begins, with the items it holds that have not started.</summary>
public enum AtStop
{
    /// <summary>Runs them: each was promised to someone (a member waiting for a deferred reply).</summary>
    FinishQueued,

    /// <summary>Leaves them (to the <c>left</c> callback): something else picks them up after the restart.</summary>
    LeaveQueued,
}

/// <summary>
/// Work handed over by a caller that returns at once (a trigger, a command's acknowledgement), run by up to
/// <c>maxConcurrency</c> async workers, so that what waits on the network holds no thread. Every item is counted in
/// <see cref="InFlightWork"/> from the moment it is taken, so a stopping host finishes it; once the stop has begun the
/// queue takes nothing new. Items run with <see cref="InFlightWork.Abandoned"/> as their token.
/// </summary>
public sealed class BackgroundWorkers<T>
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();
    private readonly InFlightWork _inFlight;
    private readonly int _maxConcurrency;
    private readonly AtStop _atStop;

    public BackgroundWorkers(InFlightWork inFlight, int maxConcurrency, AtStop atStop)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _inFlight = inFlight;
        _maxConcurrency = maxConcurrency;
        _atStop = atStop;
        inFlight.Stopping.Register(() => _items.Writer.TryComplete());
    }

    /// <summary>Takes <paramref name="item"/> to run; false once the stop has begun (the caller still holds it).</summary>
    public bool TryEnqueue(T item)
    {
        if (!_inFlight.TryBegin())
        {
            return false;
        }

        if (_items.Writer.TryWrite(item))
        {
            return true;
        }

        // The stop began between the two lines: the queue is closed.
        _inFlight.End();
        return false;
    }

    /// <summary>Takes the next waiting item out without running it (what a test looks at); false when none waits.</summary>
    public bool TryTake(out T item)
    {
        if (!_items.Reader.TryRead(out item!))
        {
            return false;
        }

        _inFlight.End();
        return true;
    }

    /// <summary>
    /// Runs the items as they come until the stop has begun and the queue is empty. <paramref name="stopping"/> is the
    /// consumer's own stop, which begins the stop of all work (<see cref="InFlightWork.BeginStop"/>): a host stops as
    /// a whole. An exception from <paramref name="handle"/> goes to <paramref name="failed"/> and the worker goes on;
    /// a cancellation by <see cref="InFlightWork.Abandoned"/> is the handler's to record, if it matters.
    /// <paramref name="left"/> gets what <see cref="AtStop.LeaveQueued"/> leaves.
    /// </summary>
    public async Task RunAsync(Func<T, CancellationToken, Task> handle, Action<T, Exception> failed, CancellationToken stopping, Action<T>? left = null)
    {
        using var stop = stopping.Register(_inFlight.BeginStop);
        await Task.WhenAll(Enumerable.Range(0, _maxConcurrency).Select(_ => WorkAsync(handle, failed, left))).ConfigureAwait(false);
    }

    private async Task WorkAsync(Func<T, CancellationToken, Task> handle, Action<T, Exception> failed, Action<T>? left)
    {
        // Yield first: the workers start side by side, not one inside the caller's call.
        await Task.Yield();
        while (await _items.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (_items.Reader.TryRead(out var item))
            {
                try
                {
                    if (_atStop == AtStop.LeaveQueued && _inFlight.Stopping.IsCancellationRequested)
                    {
                        left?.Invoke(item);
                        continue;
                    }

                    await handle(item, _inFlight.Abandoned).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_inFlight.Abandoned.IsCancellationRequested)
                {
                    // Cut short by the host's shutdown timeout.
                }
#pragma warning disable CA1031 // One item's failure, whatever it is, must not stop the items behind it; failed reports it.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failed(item, exception);
                }
                finally
                {
                    _inFlight.End();
                }
            }
        }
    }
}
