using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace DevOps90.Bot.Tests.Slack;

/// <summary>
/// The real host, real Quartz and the Slack publisher against a fake Slack, on a fake clock that Quartz follows: the
/// clock passes the post time, and the post must reach the channel exactly once whatever happens while it is sent.
/// </summary>
[Collection(SlackHosts.Name)]
public sealed class SlackDailyPostTests
{
    // Ten seconds before 18:00 in Paris on day 7 of a group that starts on 2027-01-01: the 18:00 post announces day 8.
    private static readonly DateTimeOffset _beforeThePost = DateTimeOffset.Parse("2027-01-07T16:59:50Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task DailyPost_ConnectionLostAfterSlackPostedIt_IsFoundInTheHistory_NotPostedAgain()
    {
        // Slack stamps messages on the same clock, so the history the bot looks through is the one of the post time.
        var clock = new FakeTimeProvider(_beforeThePost);
        await using var slack = await FakeSlackApi.StartAsync(clock);
        // Slack posts the message, then the connection breaks before the bot hears so: the outcome is unknown.
        slack.AbortAfterHandlingNext("chat.postMessage");
        await using var host = await SlackHost.StartAsync(slack, ["--Scheduling:ReconcileInterval=00:00:05"], services => services.AddSingleton<TimeProvider>(clock));

        await WaitUntilRunningAsync(host.Services);
        var record = await AdvanceUntilSentAsync(host.Services, clock);

        var post = Assert.Single(slack.Messages(SlackHost.Channel));
        Assert.Equal(post.Ts, record.MessageId);
        Assert.Equal("devops90_post", post.Metadata!["event_type"]!.GetValue<string>());
        Assert.Contains("Jour 8", post.Text, StringComparison.Ordinal);
        Assert.True(slack.CallsTo("chat.postMessage").Count == 1, string.Join("\n", slack.Calls.Select(call => call.Method + " " + call.Arguments.ToJsonString()[..Math.Min(200, call.Arguments.ToJsonString().Length)])));
        Assert.NotEmpty(slack.CallsTo("conversations.history"));
    }

    [Fact]
    public async Task DailyPost_NotInTheChannel_IsRecordedAsAPermanentFailure_SayingToInviteTheBot()
    {
        var clock = new FakeTimeProvider(_beforeThePost);
        await using var slack = await FakeSlackApi.StartAsync(clock);
        slack.Fail("chat.postMessage", "not_in_channel", times: null);
        await using var host = await SlackHost.StartAsync(slack, ["--Scheduling:ReconcileInterval=00:00:05"], services => services.AddSingleton<TimeProvider>(clock));

        await WaitUntilRunningAsync(host.Services);
        clock.Advance(TimeSpan.FromSeconds(15));
        DeliveryRecord? record = null;
        for (var attempt = 0; attempt < 200 && record?.State != DeliveryState.Failed; attempt++)
        {
            await Task.Delay(50);
            record = await host.Services.GetRequiredService<IDeliveryLedger>().FindAsync(new DeliveryKey(new CohortId("console"), "day-8"));
        }

        Assert.Equal(DeliveryState.Failed, record?.State);
        Assert.True(record!.IsPermanent);
        Assert.Contains("invite", record.Reason, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<DeliveryRecord> AdvanceUntilSentAsync(IServiceProvider services, FakeTimeProvider clock)
    {
        var ledger = services.GetRequiredService<IDeliveryLedger>();
        // The first attempt fails at 18:00; the retry comes 30 s later, found by the reconciliation every 5 s.
        for (var step = 0; step < 120; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50);
            if (await ledger.FindAsync(new DeliveryKey(new CohortId("console"), "day-8")) is { State: DeliveryState.Sent } sent)
            {
                return sent;
            }
        }

        throw new Xunit.Sdk.XunitException("the post was not recorded as sent within ten minutes of fake time");
    }

    private static async Task WaitUntilRunningAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        for (var attempt = 0; attempt < 400 && scheduler.Status != SchedulerStatus.Running; attempt++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
    }
}
