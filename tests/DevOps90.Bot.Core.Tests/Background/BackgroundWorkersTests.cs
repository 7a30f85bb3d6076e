using System.Collections.Concurrent;
using DevOps90.Bot.Core.Background;

namespace DevOps90.Bot.Core.Tests.Background;

public sealed class BackgroundWorkersTests
{
    [Fact]
    public async Task Drain_WorkTakenBeforeTheStop_IsAllFinished_AndNothingNewIsTaken()
    {
        using var inFlight = new InFlightWork();
        var workers = new BackgroundWorkers<int>(inFlight, maxConcurrency: 1, AtStop.FinishQueued);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new ConcurrentQueue<int>();
        var running = workers.RunAsync(
            async (item, cancellationToken) =>
            {
                started.TrySetResult();
                await gate.Task.WaitAsync(cancellationToken);
                done.Enqueue(item);
            },
            (_, exception) => Assert.Fail(exception.ToString()),
            CancellationToken.None);
        Assert.True(workers.TryEnqueue(1) && workers.TryEnqueue(2) && workers.TryEnqueue(3));
        await started.Task;

        var draining = inFlight.DrainAsync(CancellationToken.None);
        var refused = workers.TryEnqueue(4);
        var drainedEarly = draining.IsCompleted;
        gate.SetResult();
        await draining;
        await running;

        Assert.False(refused);
        Assert.False(drainedEarly);
        Assert.Equal([1, 2, 3], done);
        Assert.Equal(0, inFlight.Running);
    }

    [Fact]
    public async Task Drain_ShutdownTimeoutPasses_CutsShortWhatIsLeft()
    {
        using var inFlight = new InFlightWork();
        var workers = new BackgroundWorkers<string>(inFlight, maxConcurrency: 2, AtStop.FinishQueued);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = new ConcurrentQueue<Exception>();
        var running = workers.RunAsync(
            async (_, cancellationToken) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            },
            (_, exception) => failures.Enqueue(exception),
            CancellationToken.None);
        workers.TryEnqueue("never finishes");
        await started.Task;
        using var shutdownTimeout = new CancellationTokenSource();

        var draining = inFlight.DrainAsync(shutdownTimeout.Token);
        await shutdownTimeout.CancelAsync();
        await draining;
        await running;

        Assert.True(inFlight.Abandoned.IsCancellationRequested);
        Assert.Empty(failures);
        Assert.Equal(0, inFlight.Running);
    }
}
