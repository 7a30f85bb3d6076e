using System.Net;
using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Tests.Inbound;

public sealed class SlackEndpointsTests
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    private const string Command =
        "token=legacy&team_id=T0001&team_domain=devops90&channel_id=C0001&channel_name=cohort-7&user_id=U0001&user_name=ada"
        + "&command=%2Fdevops90&text=today+%C3%A9t%C3%A9&api_app_id=A0001&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0001%2F1%2Fx"
        + "&trigger_id=1111.2222.abcd";

    [Fact]
    public async Task PostCommand_Signed_HandlerGetsTheFieldsAndItsAckComesBack()
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        host.Handler.Behaviour = (_, _) => Task.FromResult<JsonObject?>(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Day 12" });

        using var response = await host.PostSignedAsync(SlackEndpoints.CommandsPath, Command, Form);
        var inbound = Assert.Single(host.Handler.All);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Day 12", ack["text"]!.GetValue<string>());
        Assert.Equal(SlackInboundKind.SlashCommand, inbound.Kind);
        Assert.Equal("/devops90", inbound.Payload["command"]!.GetValue<string>());
        Assert.Equal("today été", inbound.Payload["text"]!.GetValue<string>());
        Assert.Equal("U0001", inbound.Payload["user_id"]!.GetValue<string>());
        Assert.Equal("https://hooks.slack.com/commands/T0001/1/x", inbound.Payload["response_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostCommand_HandlerReturnsNothing_EmptyOk()
    {
        await using var host = await SlackEndpointsHost.StartAsync();

        using var response = await host.PostSignedAsync(SlackEndpoints.CommandsPath, Command, Form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Single(host.Handler.All);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("missing signature")]
    [InlineData("missing timestamp")]
    [InlineData("other secret")]
    public async Task PostCommand_NotSignedBySlackNow_UnauthorizedAndHandlerNotCalled(string problem)
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        var now = host.Time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var good = new SlackSignature(SlackEndpointsHost.Secret, host.Time).Sign(timestamp, System.Text.Encoding.UTF8.GetBytes(Command));

        using var response = problem switch
        {
            "stale" => await host.PostSignedAsync(SlackEndpoints.CommandsPath, Command, Form, now.AddMinutes(-6)),
            "future" => await host.PostSignedAsync(SlackEndpoints.CommandsPath, Command, Form, now.AddMinutes(6)),
            _ => await host.PostAsync(SlackEndpoints.CommandsPath, Command, Form, problem switch
            {
                "forged" => Headers(timestamp, "v0=" + new string('0', 64)),
                "missing signature" => new Dictionary<string, string> { ["X-Slack-Request-Timestamp"] = timestamp },
                "missing timestamp" => new Dictionary<string, string> { ["X-Slack-Signature"] = good },
                _ => Headers(timestamp, new SlackSignature("someone-elses-secret", host.Time).Sign(timestamp, System.Text.Encoding.UTF8.GetBytes(Command))),
            }),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.All);
    }

    [Fact]
    public async Task PostEvent_BodyChangedAfterSigning_UnauthorizedAndHandlerNotCalled()
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        var timestamp = host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Event("Ev1");
        var signature = new SlackSignature(SlackEndpointsHost.Secret, host.Time).Sign(timestamp, System.Text.Encoding.UTF8.GetBytes(body));

        using var response = await host.PostAsync(SlackEndpoints.EventsPath, body.Replace("U0001", "U0666", StringComparison.Ordinal), Json, Headers(timestamp, signature));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.All);
    }

    [Theory]
    [InlineData(SlackEndpoints.CommandsPath, "text=no+command+field", Form)]
    [InlineData(SlackEndpoints.CommandsPath, "command=%2Fdevops90&command=%2Fother", Form)]
    [InlineData(SlackEndpoints.CommandsPath, "", Form)]
    [InlineData(SlackEndpoints.InteractionsPath, "payload=%7Bnot+json", Form)]
    [InlineData(SlackEndpoints.InteractionsPath, "payload=%5B1%2C2%5D", Form)]
    [InlineData(SlackEndpoints.InteractionsPath, "other=1", Form)]
    [InlineData(SlackEndpoints.EventsPath, "{\"type\":\"event_callback\",", Json)]
    [InlineData(SlackEndpoints.EventsPath, "[]", Json)]
    [InlineData(SlackEndpoints.EventsPath, "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}", Json)]
    [InlineData(SlackEndpoints.EventsPath, "{\"type\":\"url_verification\"}", Json)]
    [InlineData(SlackEndpoints.EventsPath, "{\"challenge\":\"abc\"}", Json)]
    public async Task Post_SignedButNotWhatSlackSendsThere_BadRequestAndHandlerNotCalled(string path, string body, string contentType)
    {
        await using var host = await SlackEndpointsHost.StartAsync();

        using var response = await host.PostSignedAsync(path, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.All);
    }

    [Theory]
    [InlineData(SlackEndpoints.CommandsPath, 64 * 1024)]
    [InlineData(SlackEndpoints.InteractionsPath, 1024 * 1024)]
    [InlineData(SlackEndpoints.EventsPath, 1024 * 1024)]
    public async Task Post_BodyOverTheLimit_PayloadTooLargeBeforeTheSignatureIsChecked(string path, int limit)
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        var body = "text=" + new string('a', limit);

        using var response = await host.PostSignedAsync(path, body, Form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Handler.All);
    }

    [Fact]
    public async Task PostCommand_BodyExactlyAtTheLimit_Handled()
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        var body = Command + "&padding=";
        body += new string('a', (64 * 1024) - body.Length);

        using var response = await host.PostSignedAsync(SlackEndpoints.CommandsPath, body, Form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.All);
    }

    [Fact]
    public async Task PostEvent_UrlVerification_AnswersTheChallengeWithoutTheHandler()
    {
        await using var host = await SlackEndpointsHost.StartAsync();

        using var response = await host.PostSignedAsync(
            SlackEndpoints.EventsPath,
            "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}",
            Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Handler.All);
    }

    [Fact]
    public async Task PostEvent_UrlVerificationUnsigned_Unauthorized()
    {
        await using var host = await SlackEndpointsHost.StartAsync();

        using var response = await host.PostAsync(SlackEndpoints.EventsPath, "{\"challenge\":\"abc\",\"type\":\"url_verification\"}", Json, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostEvent_EventCallback_HandlerGetsTheWholeCallback()
    {
        await using var host = await SlackEndpointsHost.StartAsync();

        using var response = await host.PostSignedAsync(SlackEndpoints.EventsPath, Event("Ev1"), Json);
        var inbound = Assert.Single(host.Handler.All);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SlackInboundKind.Event, inbound.Kind);
        Assert.Equal("Ev1", inbound.Payload["event_id"]!.GetValue<string>());
        Assert.Equal("app_mention", inbound.Payload["event"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostEvent_RetriedWithRetryHeaders_RunsOnce()
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        using var first = await host.PostSignedAsync(SlackEndpoints.EventsPath, Event("Ev1"), Json);

        // Slack's retry is signed anew, a little later, and says which retry it is.
        host.Time.Advance(TimeSpan.FromMinutes(1));
        using var retry = await host.PostSignedAsync(
            SlackEndpoints.EventsPath,
            Event("Ev1"),
            Json,
            headers: new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" });
        using var other = await host.PostSignedAsync(SlackEndpoints.EventsPath, Event("Ev2"), Json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(["Ev1", "Ev2"], host.Handler.All.Select(inbound => inbound.Payload["event_id"]!.GetValue<string>()));
        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains("event:Ev1", StringComparison.Ordinal) && entry.Message.Contains("http_timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostEvent_HandlerFailed_ServerErrorAndTheRetryRuns()
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        var calls = 0;
        host.Handler.Behaviour = (_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("the store is down")
            : Task.FromResult<JsonObject?>(null);

        using var first = await host.PostSignedAsync(SlackEndpoints.EventsPath, Event("Ev1"), Json);
        using var retry = await host.PostSignedAsync(
            SlackEndpoints.EventsPath,
            Event("Ev1"),
            Json,
            headers: new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_error" });

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(2, host.Handler.All.Count);
        Assert.Contains(host.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception?.Message == "the store is down");
    }

    [Fact]
    public async Task PostCommand_ReplayedRequest_RunsOnce()
    {
        await using var host = await SlackEndpointsHost.StartAsync();

        using var first = await host.PostSignedAsync(SlackEndpoints.CommandsPath, Command, Form);
        using var replay = await host.PostSignedAsync(SlackEndpoints.CommandsPath, Command, Form);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("", await replay.Content.ReadAsStringAsync());
        Assert.Single(host.Handler.All);
    }

    [Fact]
    public async Task PostInteraction_PayloadField_HandlerGetsTheParsedInteraction()
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        var interaction = new JsonObject
        {
            ["type"] = "block_actions",
            ["trigger_id"] = "3333.4444.ef01",
            ["user"] = new JsonObject { ["id"] = "U0001" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "done", ["value"] = "day-12 & more" }),
        };
        var body = "payload=" + Uri.EscapeDataString(interaction.ToJsonString());

        using var response = await host.PostSignedAsync(SlackEndpoints.InteractionsPath, body, Form);
        using var replay = await host.PostSignedAsync(SlackEndpoints.InteractionsPath, body, Form);
        var inbound = Assert.Single(host.Handler.All);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(SlackInboundKind.Interaction, inbound.Kind);
        Assert.Equal("block_actions", inbound.Payload["type"]!.GetValue<string>());
        Assert.Equal("day-12 & more", inbound.Payload["actions"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostEvent_OtherType_AcknowledgedWithoutTheHandler()
    {
        await using var host = await SlackEndpointsHost.StartAsync();

        using var response = await host.PostSignedAsync(SlackEndpoints.EventsPath, "{\"type\":\"app_rate_limited\",\"team_id\":\"T0001\",\"minute_rate_limited\":1518467820}", Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Handler.All);
    }

    [Fact]
    public async Task Post_AnyOutcome_NeverLogsTheSecretOrSignature()
    {
        await using var host = await SlackEndpointsHost.StartAsync();
        host.Handler.Behaviour = (_, _) => throw new InvalidOperationException("failing on purpose");
        using var forged = await host.PostAsync(SlackEndpoints.CommandsPath, Command, Form, Headers("1", "v0=" + new string('1', 64)));
        using var failed = await host.PostSignedAsync(SlackEndpoints.EventsPath, Event("Ev1"), Json);
        using var command = await host.PostSignedAsync(SlackEndpoints.CommandsPath, Command, Form);

        Assert.Equal(HttpStatusCode.InternalServerError, command.StatusCode);
        Assert.NotEmpty(host.Logs.Entries);
        Assert.All(host.Logs.Entries, entry => Assert.DoesNotContain(SlackEndpointsHost.Secret, entry.Everything, StringComparison.Ordinal));
        Assert.All(host.Logs.Entries, entry => Assert.DoesNotContain("v0=", entry.Everything, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Headers(string timestamp, string signature) => new()
    {
        ["X-Slack-Request-Timestamp"] = timestamp,
        ["X-Slack-Signature"] = signature,
    };

    private static string Event(string eventId) =>
        $$$"""{"token":"legacy","team_id":"T0001","api_app_id":"A0001","type":"event_callback","event_id":"{{{eventId}}}","event_time":1772442000,"event":{"type":"app_mention","user":"U0001","text":"<@U0BOT> today","ts":"1772442000.000100","channel":"C0001"}}""";
}
