using System.Collections.Concurrent;
using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Testing;
using static DevOps90.Bot.Core.Tests.Delivery.DeliveryFixture;

namespace DevOps90.Bot.Core.Tests.Delivery;

public sealed class DeliveryDispatcherTests
{
    [Fact]
    public async Task Enqueue_ManyCohortsDueAtOnce_AllAreSentOnce_ManyAtATime()
    {
        var platform = new GatedPublisher();
        var bot = new DeliveryFixture(ManyCohorts(300, "2027-01-01"), "2027-01-02T17:00:00Z", platform: platform);
        using var inFlight = new InFlightWork();
        var dispatcher = new DeliveryDispatcher(bot.Service, inFlight, new DeliveryOptions { MaxConcurrentSends = 50 });
        var failures = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var workers = dispatcher.RunAsync((_, _, _) => Task.CompletedTask, (_, exception) => failures.Enqueue(exception), stop.Token);

        var first = bot.Cohorts.All.Select(cohort => dispatcher.Enqueue(cohort.Id, DeliveryReason.Scheduled)!).ToList();
        await platform.WaitUntilHeldAsync(50);
        // Reconciliation comes round while 50 are being sent and 250 wait: a waiting cohort is not queued twice.
        var again = bot.Cohorts.All.Select(cohort => dispatcher.Enqueue(cohort.Id, DeliveryReason.Reconciliation)!).ToList();
        platform.Open();
        var outcomes = await Task.WhenAll(first.Select(request => request.Done));
        var repeats = await Task.WhenAll(again.Select(request => request.Done));
        await stop.CancelAsync();
        await workers;

        Assert.Empty(failures);
        Assert.Equal(50, platform.MaxHeld);
        Assert.All(outcomes, outcome => Assert.Equal(DeliveryStatus.Sent, outcome!.Status));
        Assert.Equal(250, again.Count(request => first.Contains(request)));
        Assert.All(repeats, outcome => Assert.Contains(outcome!.Status, new[] { DeliveryStatus.Sent, DeliveryStatus.Busy, DeliveryStatus.AlreadySettled }));
        var keys = platform.Posts.Select(post => post.IdempotencyKey).ToList();
        Assert.Equal(300, keys.Count);
        Assert.Equal(300, keys.Distinct().Count());
    }

    [Fact]
    public async Task Stop_PostsBeingSentAreFinished_WaitingOnesAreLeftUnclaimed_NothingNewIsTaken()
    {
        var platform = new GatedPublisher();
        var bot = new DeliveryFixture(ManyCohorts(5, "2027-01-01"), "2027-01-02T17:00:00Z", platform: platform);
        using var inFlight = new InFlightWork();
        var dispatcher = new DeliveryDispatcher(bot.Service, inFlight, new DeliveryOptions { MaxConcurrentSends = 2 });
        var workers = dispatcher.RunAsync((_, _, _) => Task.CompletedTask, (_, exception) => Assert.Fail(exception.ToString()), CancellationToken.None);
        var requests = bot.Cohorts.All.Select(cohort => dispatcher.Enqueue(cohort.Id, DeliveryReason.Scheduled)!).ToList();
        await platform.WaitUntilHeldAsync(2);

        var draining = inFlight.DrainAsync(CancellationToken.None);
        var refused = dispatcher.Enqueue(new CohortId("group-1"), DeliveryReason.Reconciliation);
        platform.Open();
        await draining;
        await workers;
        var outcomes = await Task.WhenAll(requests.Select(request => request.Done));

        Assert.Null(refused);
        Assert.Equal(2, outcomes.Count(outcome => outcome?.Status == DeliveryStatus.Sent));
        Assert.Equal(3, outcomes.Count(outcome => outcome is null));
        Assert.Equal(2, platform.Posts.Count);
        // Left unclaimed: the next start's reconciliation finds them due and sends them.
        var ledger = (InMemoryDeliveryLedger)bot.Ledger;
        Assert.Equal(2, ledger.All.Count);
        Assert.All(ledger.All, record => Assert.Equal(DeliveryState.Sent, record.State));
        Assert.Equal(0, inFlight.Running);
    }
}
