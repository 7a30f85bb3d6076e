using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Slack;

/// <summary>The host configured for Slack over signed HTTP, talking to a fake Slack inside the test.</summary>
[Collection(SlackHosts.Name)]
public sealed class SlackHostTests
{
    private const string Learner = "U0LEARNER";
    private const string Owner = "U0OWNER";

    /// <summary>The bundled French cohort, moved to Slack and started three days ago, so lessons 1 to 3 are out.</summary>
    private static string[] StartedCohort()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        return [$"--Cohorts:0:StartDate={today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"];
    }

    private static async Task<FakeSlackApi> FakeSlackAsync()
    {
        var slack = await FakeSlackApi.StartAsync();
        slack.AddUser(new FakeSlackUser(Learner, "learner", Locale: "en-US"));
        slack.AddUser(new FakeSlackUser(Owner, "owner", IsOwner: true, Locale: "fr-FR"));
        return slack;
    }

    [Fact]
    public async Task Command_DayTwoOverSignedHttp_InAFrenchCohortChannel_AnswersTheFrenchLesson()
    {
        await using var slack = await FakeSlackAsync();
        await using var host = await SlackHost.StartAsync(slack);

        using var response = await host.CommandAsync("day 2", Learner);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("Responsabilités d'un Ingénieur DevOps", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("in_channel", answer["response_type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("stale")]
    public async Task Command_ForgedOrStaleSignature_Gets401_AndRunsNothing(string how)
    {
        await using var slack = await FakeSlackAsync();
        await using var host = await SlackHost.StartAsync(slack);

        using var response = how == "forged"
            ? await host.CommandAsync("day 2", Learner, secret: "not-the-signing-secret")
            : await host.CommandAsync("day 2", Learner, timestamp: TimeProvider.System.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The command never ran: it would have asked Slack who its member is.
        Assert.Empty(slack.CallsTo("users.info"));
    }

    [Fact]
    public async Task Command_ModeratorCommandByAMember_GetsTheModeratorsOnlyMessage()
    {
        await using var slack = await FakeSlackAsync();
        await using var host = await SlackHost.StartAsync(slack);

        using var response = await host.CommandAsync("participation summary", Learner);

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", answer["response_type"]!.GetValue<string>());
        Assert.Contains("modérateurs", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ByTheWorkspaceOwner_ArrivesAsAFileInTheirDirectMessages()
    {
        await using var slack = await FakeSlackAsync();
        await using var host = await SlackHost.StartAsync(slack, StartedCohort());
        using (await host.PressAsync("done 1", Learner, "done")) { }
        await WaitForAsync(() => slack.Responses("done").Count > 0);

        using var response = await host.CommandAsync("participation export", Owner, responseId: "export");
        await WaitForAsync(() => slack.Responses("export").Count > 0);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Assert.Single(slack.Files);
        Assert.Equal(FakeSlackApi.DirectMessageOf(Owner), file.ChannelId);
        Assert.EndsWith(".csv", file.FileName, StringComparison.Ordinal);
        Assert.Contains($"slack:{FakeSlackApi.TeamId}:{Learner}", System.Text.Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
        Assert.Equal("ephemeral", slack.Responses("export")[0]["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task DoneButton_ChecksThePresserIn_AndAnswersOnlyThem()
    {
        await using var slack = await FakeSlackAsync();
        await using var host = await SlackHost.StartAsync(slack, StartedCohort());

        using var response = await host.PressAsync("done 2", Learner, "press");
        await WaitForAsync(() => slack.Responses("press").Count > 0);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = slack.Responses("press")[0];
        Assert.Equal("ephemeral", answer["response_type"]!.GetValue<string>());
        Assert.False(answer["replace_original"]!.GetValue<bool>());
        var checkIns = await host.Services.GetRequiredService<IParticipationStore>().ForMemberAsync(new CohortId("console"), $"slack:{FakeSlackApi.TeamId}:{Learner}");
        Assert.Equal(2, Assert.Single(checkIns).Day);
    }

    internal static async Task WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition was not met within 10 seconds");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlackHosts
{
    public const string Name = "Slack hosts";
}
