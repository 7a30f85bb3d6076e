using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Rest;
using DevOps90.Bot.Discord.Tests.Rest;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests;

/// <summary>
/// A round of reminders through the messenger, the real REST client and its limiter, on a fake clock: private
/// messages' requests are spread evenly under Discord's global limit from the first second, leaving room.
/// </summary>
public sealed class DirectMessagePaceTests
{
    [Fact]
    public async Task SendAsync_ManyAtOnce_NoSecondHoldsMoreThanFourFifthsOfTheGlobalLimit_FirstSecondIncluded()
    {
        using var harness = new RestHarness();
        var options = Options.Create(new DiscordOptions { Token = RestHarness.BotToken, ApplicationId = "1325000000000000000" });
        var messenger = new DiscordDirectMessenger(harness.Client, options, new DirectMessagePace(harness.Policy, harness.Time));

        var sending = Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            messenger.SendAsync($"discord:{1_100_000_000_000_000_000 + i}", Reply.Text("Your streak ends at midnight"))));
        var results = await harness.RunAsync(sending, TimeSpan.FromMilliseconds(5));

        Assert.All(results, result => Assert.Equal(DirectMessageOutcome.Sent, result.Outcome));
        var sent = harness.Handler.Requests.Select(request => RestHarness.Elapsed(request).TotalSeconds).Order().ToList();
        Assert.Equal(120, sent.Count);
        // Any second, wherever it starts (Discord's count of the global limit), including the first.
        var busiest = sent.Max(start => sent.Count(at => at >= start && at < start + 1));
        Assert.InRange(busiest, 30, 40);
        Assert.True(sent.Count(at => at < 1) <= 40, $"{sent.Count(at => at < 1)} requests in the first second");
    }
}

/// <summary>With several instances the pace follows this instance's share of the global limit, not the whole of it.</summary>
public sealed class DirectMessagePaceShareTests
{
    [Fact]
    public async Task WaitTurnAsync_TwoInstancesShareTheLimit_SpacesAtFourFifthsOfHalfOfIt()
    {
        var time = new FakeTimeProvider(RestHarness.Start);
        var store = new InMemoryLeaseStore();
        var plan = new RateBudgetPlan("discord:rest", 50);
        var mine = new SharedRateBudget(store, "a", plan, time);
        var other = new SharedRateBudget(store, "b", plan, time);
        // Past the joining wait, each having counted the other.
        for (var round = 0; round * plan.Round <= plan.Ttl; round++)
        {
            await mine.RoundAsync();
            await other.RoundAsync();
            time.Advance(plan.Round);
        }

        Assert.Equal(25, mine.Current!.PerSecond);
        var pace = new DirectMessagePace(new DiscordRestPolicy(), time, mine);
        var started = time.GetUtcNow();

        // 21 turns: the first at once, then one every 1 / (25 x 0.8) s = 50 ms, so the last after a full second.
        var turns = Task.WhenAll(Enumerable.Range(0, 21).Select(_ => pace.WaitTurnAsync()));
        while (!turns.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Yield();
        }

        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromMilliseconds(1_000), TimeSpan.FromMilliseconds(1_010));
    }
}
