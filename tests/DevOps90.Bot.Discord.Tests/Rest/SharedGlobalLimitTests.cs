using System.Collections.Concurrent;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>
/// Three instances' limiters sharing Discord's global 50 a second through one lease store, all on one fake clock: in
/// no second, wherever it starts, do the requests they let go pass 50, though one stops just before the others count
/// and they then have more to send than their old shares. (The clock is the limiters' own,
/// so this counts what they decide; the multi-process test in DevOps90.Bot.Tests counts arrivals at a real socket.)
/// </summary>
public sealed class SharedGlobalLimitTests
{
    private static readonly RateLimitHeaders NoHeaders = new(null, null, null, null, false, RateLimitScope.None, null);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    private readonly FakeTimeProvider _clock = new(RestHarness.Start);
    private readonly ConcurrentQueue<DateTimeOffset> _sent = new();

    [Fact]
    public async Task ThreeInstancesAtTheirShares_OneStopsJustBeforeTheOthersCount_NoSecondHoldsMoreThan50()
    {
        var policy = new DiscordRestPolicy();
        var plan = new RateBudgetPlan("discord:rest", policy.GlobalRequestsPerSecond) { Window = TimeSpan.FromSeconds(1) + policy.GlobalWindowMargin };
        var store = new InMemoryLeaseStore();
        var budgets = Enumerable.Range(0, 3).Select(i => new SharedRateBudget(store, $"instance-{i}", plan, _clock)).ToList();
        var limiters = budgets.Select(budget => new DiscordRateLimiter(policy, _clock, NullLogger<DiscordRateLimiter>.Instance, budget)).ToList();
        using var stopOthers = new CancellationTokenSource();
        using var stopLast = new CancellationTokenSource();
        var rounds = budgets.Select((budget, i) => budget.RunAsync(i == 2 ? stopLast.Token : stopOthers.Token)).ToList();

        // Everyone has counted everyone once a lease's life has passed; all rounds fall on the same instants, every
        // Round. 0.9 s before the next round each instance sends a second's share (17, 17 and 16, paced over 0.8 s), the
        // third stops just before that round, and just after it the other two have 25 requests each to send.
        await AdvanceAsync(plan.Ttl + plan.Round - TimeSpan.FromMilliseconds(900));
        var first = limiters.Select((limiter, i) => SendAsync(limiter, i, budgets[i].Current!.PerSecond)).ToList();
        await AdvanceAsync(TimeSpan.FromMilliseconds(850));
        await stopLast.CancelAsync();
        await AdvanceAsync(TimeSpan.FromMilliseconds(60));
        var second = limiters[..2].Select((limiter, i) => SendAsync(limiter, i, 25)).ToList();
        await AdvanceAsync(3 * plan.Round);
        var shares = budgets[..2].Select(budget => budget.Current!.PerSecond).ToList();
        await stopOthers.CancelAsync();
        await AdvanceAsync(plan.Window + Step);
        await Task.WhenAll(rounds.Concat(first).Concat(second));

        var sent = _sent.Order().ToList();
        Assert.Equal([17, 17, 16], first.Select(batch => batch.Result));
        Assert.Equal([25, 25], shares);
        Assert.Equal(100, sent.Count);
        var busiest = sent.Max(start => sent.Count(at => at >= start && at < start + TimeSpan.FromSeconds(1)));
        Assert.True(busiest <= 50, $"{busiest} requests within one second");
    }

    /// <summary><paramref name="count"/> requests at once from one instance, each answered at once; returns the count.</summary>
    private async Task<int> SendAsync(DiscordRateLimiter limiter, int instance, int count)
    {
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var route = DiscordRoute.Bot(HttpMethod.Post, $"channels/{(instance * 100_000) + _sent.Count + (i * 1_000)}/messages");
            await limiter.AcquireAsync(route);
            _sent.Enqueue(_clock.GetUtcNow());
            limiter.OnResponse(route, 200, NoHeaders);
        }));
        return count;
    }

    private async Task AdvanceAsync(TimeSpan span)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += Step)
        {
            _clock.Advance(Step);
            await Task.Delay(1);
        }
    }
}
