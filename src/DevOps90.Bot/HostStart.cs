namespace DevOps90.Bot;

/// <summary>
/// Waits until the host has fully started (every hosted service and the HTTP server): a start that fails half-way
/// (a port already taken, say) must not have sent a daily post it then dies before recording, and the console's first
/// prompt comes after the start's log lines.
/// </summary>
internal static class HostStart
{
    public static async Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (cancellationToken.Register(() => started.TrySetCanceled(cancellationToken)))
        {
            await started.Task.ConfigureAwait(false);
        }
    }
}
