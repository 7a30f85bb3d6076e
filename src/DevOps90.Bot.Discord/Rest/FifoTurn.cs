namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// One holder at a time, the others served in the order they came. Unlike a SemaphoreSlim, whose next waiter goes on
/// through the thread pool, the next holder here goes on at once on the thread that leaves: a request let through by
/// the rate limiter must not then wait for a free thread on a busy machine (nor, in a test, for a fake clock that has
/// moved on meanwhile).
/// </summary>
internal sealed class FifoTurn
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiting = new();
    private bool _held;

    /// <summary>Completes when the caller holds the turn; cancelled (and out of the line) if the token is first.</summary>
    public Task EnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }

            var waiter = new Waiter();
            var node = _waiting.AddLast(waiter);
            waiter.Registration = cancellationToken.Register(() => Cancel(node, cancellationToken));
            return waiter.Done.Task;
        }
    }

    /// <summary>Gives the turn to the first in line, who goes on from here before this returns; or frees it.</summary>
    public void Leave()
    {
        Waiter next;
        lock (_lock)
        {
            if (_waiting.First is not { } first)
            {
                _held = false;
                return;
            }

            _waiting.RemoveFirst();
            next = first.Value;
        }

        next.Registration.Dispose();
        next.Done.SetResult();
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                // Given the turn already: the holder sees the cancellation in what it does next.
                return;
            }

            _waiting.Remove(node);
        }

        node.Value.Done.TrySetCanceled(cancellationToken);
    }

    private sealed class Waiter
    {
        // Continuations run where SetResult is called (see Leave): that is the point.
        public TaskCompletionSource Done { get; } = new();

        public CancellationTokenRegistration Registration { get; set; }
    }
}
