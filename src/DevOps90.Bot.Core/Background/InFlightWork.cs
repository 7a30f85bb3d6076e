namespace DevOps90.Bot.Core.Background;

/// <summary>
/// The work the bot carries on after the request or trigger that started it (a daily post being sent, a deferred
/// interaction reply, a Slack follow-up), counted across the whole process so that a stopping host can finish it.
/// When the stop begins (<see cref="BeginStop"/>) nothing new is taken; what was taken is finished until the host's
/// shutdown timeout, then cut short (<see cref="Abandoned"/>). One per process; the host drives it.
/// </summary>
public sealed class InFlightWork : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandoned = new();
    private TaskCompletionSource? _idle;
    private int _running;

    /// <summary>Cancelled when the stop begins: queues take nothing new from then on.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>
    /// Cancelled when the host stops waiting (its shutdown timeout): the token to give work that must outlive its
    /// request, instead of the request's or the connection's own, which end before the work is done.
    /// </summary>
    public CancellationToken Abandoned => _abandoned.Token;

    /// <summary>Pieces of work taken and not finished yet (queued or running).</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Counts one piece of work until <see cref="End"/>; false, counting nothing, once the stop has begun.</summary>
    public bool TryBegin()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return false;
            }

            _running++;
            return true;
        }
    }

    /// <summary>One piece of work counted by <see cref="TryBegin"/> is finished (done, failed or dropped).</summary>
    public void End()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            _running--;
            if (_running == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        idle?.TrySetResult();
    }

    /// <summary>Nothing new is taken from now on; what was taken goes on.</summary>
    public void BeginStop() => _stopping.Cancel();

    /// <summary>Cuts short whatever is still running.</summary>
    public void Abandon() => _abandoned.Cancel();

    /// <summary>
    /// Begins the stop and waits until every piece of work taken has finished; when <paramref name="cancellationToken"/>
    /// (the host's shutdown timeout) fires first, cuts short what is left and returns.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        BeginStop();
        Task idle;
        lock (_gate)
        {
            if (_running == 0)
            {
                return;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }

        try
        {
            await idle.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Abandon();
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abandoned.Dispose();
    }
}
