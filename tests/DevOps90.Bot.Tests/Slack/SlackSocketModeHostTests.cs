using System.Text.Json.Nodes;
using DevOps90.Bot.Testing.Slack;

namespace DevOps90.Bot.Tests.Slack;

/// <summary>The host on Slack's Socket Mode (the default transport), against a fake Web API and a fake socket server.</summary>
[Collection(SlackHosts.Name)]
public sealed class SlackSocketModeHostTests
{
    [Fact]
    public async Task Command_DayTwoOverSocketMode_IsAcknowledgedWithTheFrenchLesson()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var socket = await FakeSlackSocketServer.StartAsync();
        slack.ConnectionUrl = socket.NewConnectionUrl();
        slack.AddUser(new FakeSlackUser("U0LEARNER", "learner"));
        await using var host = new TestHost(
        [
            "--Slack:BotToken=" + FakeSlackApi.DefaultBotToken,
            "--Slack:AppToken=" + FakeSlackApi.DefaultAppToken,
            "--Slack:ApiBaseUrl=" + slack.BaseUrl,
            "--Cohorts:0:Target=slack:" + SlackHost.Channel,
        ]);
        await host.App.StartAsync();

        var ack = await socket.SendEnvelopeAsync("slash_commands", new JsonObject
        {
            ["command"] = "/devops90",
            ["text"] = "day 2",
            ["team_id"] = FakeSlackApi.TeamId,
            ["user_id"] = "U0LEARNER",
            ["channel_id"] = SlackHost.Channel,
            ["response_url"] = slack.ResponseUrl("socket").ToString(),
        }, acceptsResponsePayload: true);
        using var client = new HttpClient();
        using var ready = await client.GetAsync(host.App.Urls.First() + "/healthz/ready");
        var platforms = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["platforms"]!;
        await host.App.StopAsync();

        Assert.Contains("Responsabilités d'un Ingénieur DevOps", ack["payload"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(slack.CallsTo("apps.connections.open"));
        // The envelope came through the connection, so it had said hello: the probe sees it open.
        Assert.Equal(("Healthy", "slack socket mode: connected"), (platforms["status"]!.GetValue<string>(), platforms["description"]!.GetValue<string>()));
    }
}
