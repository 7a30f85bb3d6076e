using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Tests.Rest;
using Microsoft.Extensions.Options;

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
