using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Slack.Tests.Api;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Slack.Tests.Reminders;

/// <summary>A reminder round end to end: the messenger, the real Web API client and the fake Slack on loopback.</summary>
public sealed class SlackReminderTests
{
    private const string Member = "slack:T0FAKE:U0ADA";

    // The harness's clock is 2025-01-06 09:00 UTC: day 1 of a group that starts that day.
    private static readonly Cohort _cohort = new() { Id = new CohortId("group"), CurriculumId = "2022", StartDate = new DateOnly(2025, 1, 6), TimeZoneId = "UTC", Language = "fr" };

    [Fact]
    public async Task Run_Due_OpensTheDirectMessageAndPostsInTheGroupsLanguage()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        var rig = new ReminderRig(_cohort, new SlackDirectMessenger(harness.Client), harness.Time);
        await rig.DueNowAsync(Member);

        var result = await harness.AdvanceUntilDoneAsync(rig.Round.RunAsync(), TimeSpan.FromSeconds(1));

        Assert.Equal(1, result.Sent);
        Assert.Equal("U0ADA", Assert.Single(harness.Slack.CallsTo("conversations.open")).Arguments["users"]!.GetValue<string>());
        var post = Assert.Single(harness.Slack.CallsTo("chat.postMessage"));
        Assert.StartsWith("D", post.Arguments["channel"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/devops90 done", post.Arguments["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("La leçon du jour dans group est le jour 1", post.Arguments["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MemberWhoCannotBeWritten_IsMarkedClosedAndNotTriedAgain()
    {
        await using var harness = await SlackApiHarness.StartAsync();
        harness.Slack.Fail("conversations.open", "user_disabled");
        var rig = new ReminderRig(_cohort, new SlackDirectMessenger(harness.Client), harness.Time);
        await rig.DueNowAsync(Member);

        var first = await harness.AdvanceUntilDoneAsync(rig.Round.RunAsync(), TimeSpan.FromSeconds(1));
        harness.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await harness.AdvanceUntilDoneAsync(rig.Round.RunAsync(), TimeSpan.FromSeconds(1));

        Assert.Equal((1, 0), (first.Closed, nextDay.Due));
        Assert.Single(harness.Slack.CallsTo("conversations.open"));
        Assert.Empty(harness.Slack.CallsTo("chat.postMessage"));
        Assert.NotNull((await rig.Store.FindAsync(_cohort.Id, Member))!.BlockedAt);
    }
}
