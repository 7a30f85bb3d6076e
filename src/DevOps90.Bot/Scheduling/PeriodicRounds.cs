namespace DevOps90.Bot.Scheduling;

/// <summary>
/// The loop of a background round: once the host has fully started, then every interval. A failed round is handed to
/// <c>failed</c> (to log) and the next one tries again, since the database may be busy or briefly unreachable; a round
/// longer than the interval delays the next rather than overlapping it.
/// </summary>
internal static class PeriodicRounds
{
    public static async Task RunAsync(
        IHostApplicationLifetime lifetime,
        TimeSpan interval,
        TimeProvider time,
        Func<CancellationToken, Task> round,
        Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        await HostStart.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await round(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
