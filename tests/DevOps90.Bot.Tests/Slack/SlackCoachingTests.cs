using System.Globalization;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.Slack;

/// <summary>
/// Issue 17 on Slack, end to end on a fake clock: Slack has no named threads, so the daily post's thread is the
/// replies under it (its ts, recorded with the post); /share answers there; milestones are congratulated in the
/// channel, with no role (Slack has none).
/// </summary>
[Collection(SlackHosts.Name)]
public sealed class SlackCoachingTests
{
    private const string Learner = "U0LEARNER";

    // Ten seconds after 18:00 in Paris on 2027-01-07: the start's reconciliation sends the post announcing day 8.
    private static readonly DateTimeOffset _afterThePost = DateTimeOffset.Parse("2027-01-07T17:00:10Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Share_TheNextDay_IsARepliedUnderThePost_CountsAsTheCheckIn_OnceADay_AndCongratulates()
    {
        var clock = new FakeTimeProvider(_afterThePost);
        await using var slack = await FakeSlackApi.StartAsync(clock);
        slack.AddUser(new FakeSlackUser(Learner, "learner", Locale: "en-US"));
        await using var host = await SlackHost.StartAsync(
            slack,
            ["--Cohorts:0:Threads=true", "--Cohorts:0:Milestones=1", "--Cohorts:0:MilestoneRole=S0IGNORED"],
            services => services.AddSingleton<TimeProvider>(clock));
        var post = await SentWithThreadAsync(host);
        clock.SetUtcNow(DateTimeOffset.Parse("2027-01-08T10:00:00Z", CultureInfo.InvariantCulture));

        var shared = await AnswerAsync(host, clock, "share <https://example.org/day-8|example.org/day-8> mes notes", "share-1");
        var again = await AnswerAsync(host, clock, "share https://example.org/other", "share-2");
        var notALink = await AnswerAsync(host, clock, "share ftp://example.org/file", "share-3");

        Assert.StartsWith("Partagé dans le fil du jour — jour 8 validé", shared, StringComparison.Ordinal);
        // Errors carry a warning sign on Slack.
        Assert.Equal(":warning: Vous avez déjà partagé quelque chose pour le jour 8 : un partage par jour.", again);
        Assert.StartsWith(":warning: « ftp://example.org/file » n’est pas un lien", notALink, StringComparison.Ordinal);
        Assert.Equal(post.MessageId, post.ThreadId);
        var messages = slack.Messages(SlackHost.Channel);
        var reply = Assert.Single(messages, message => message.ThreadTs == post.ThreadId && message.Ts != post.ThreadId);
        Assert.Contains("https://example.org/day-8", reply.Text + reply.Blocks?.ToJsonString(), StringComparison.Ordinal);
        var congratulation = Assert.Single(messages, message => message.ThreadTs is null && (message.Text ?? "").Contains("🎉", StringComparison.Ordinal));
        Assert.Contains("a fait 1 jours de #90DaysOfDevOps", congratulation.Text, StringComparison.Ordinal);
        var checkIns = await host.Services.GetRequiredService<IParticipationStore>().ForMemberAsync(new CohortId("console"), $"slack:{FakeSlackApi.TeamId}:{Learner}");
        Assert.Equal(8, Assert.Single(checkIns).Day);
    }

    private static async Task<DeliveryRecord> SentWithThreadAsync(SlackHost host)
    {
        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await ledger.FindAsync(new DeliveryKey(new CohortId("console"), "day-8")) is { State: DeliveryState.Sent, ThreadId: not null } sent)
            {
                return sent;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("the post was not recorded as sent with its thread within 10 seconds");
    }

    /// <summary>The answer's text: in the HTTP response when ready in time, else sent to the response URL.</summary>
    /// <remarks>
    /// The clock moves on a second at a time meanwhile: Slack allows one message a second per channel, and the bot's
    /// gate for it (the share, then the congratulation) waits on the same fake clock.
    /// </remarks>
    private static async Task<string> AnswerAsync(SlackHost host, FakeTimeProvider clock, string text, string responseId)
    {
        // Signed at the fake clock's time, which is the one the host checks signatures against.
        var sending = host.CommandAsync(text, Learner, responseId: responseId, timestamp: clock.GetUtcNow().ToUnixTimeSeconds());
        for (var step = 0; step < 200 && !sending.IsCompleted; step++)
        {
            await Task.Delay(50);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0 && JsonNode.Parse(body)?["text"] is { } answer)
        {
            return answer.GetValue<string>();
        }

        for (var step = 0; step < 200 && host.Slack.Responses(responseId).Count == 0; step++)
        {
            await Task.Delay(50);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(host.Slack.Responses(responseId).Count > 0, $"no answer to '{text}' (HTTP {(int)response.StatusCode} '{body}'); Slack was called: {string.Join(", ", host.Slack.Calls.Select(call => call.Method))}");
        return host.Slack.Responses(responseId)[0]["text"]!.GetValue<string>();
    }
}
