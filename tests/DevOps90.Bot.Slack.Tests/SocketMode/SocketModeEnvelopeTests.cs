using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Tests.SocketMode;

public sealed class SocketModeEnvelopeTests
{
    [Fact]
    public async Task RunAsync_HelloThenSlashCommand_HandledAndAckedWithTheHandlersPayload()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        socketMode.Handler.Behaviour = (_, _) => Task.FromResult<JsonObject?>(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Day 12" });
        var connection = await socketMode.Server.NextConnectionAsync();

        var id = await connection.StartEnvelopeAsync("slash_commands", SocketModeHarness.SlashCommand("today"), acceptsResponsePayload: true);
        var ack = await connection.AckAsync(id);
        var inbound = Assert.Single(socketMode.Handler.All);

        Assert.Equal(id, ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("Day 12", ack["payload"]!["text"]!.GetValue<string>());
        Assert.Equal(SlackInboundKind.SlashCommand, inbound.Kind);
        Assert.Equal("/devops90", inbound.Payload["command"]!.GetValue<string>());
        Assert.Equal("today", inbound.Payload["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("events_api", SlackInboundKind.Event)]
    [InlineData("interactive", SlackInboundKind.Interaction)]
    public async Task RunAsync_ResponsePayloadNotAccepted_AckHasTheEnvelopeIdOnly(string type, SlackInboundKind kind)
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        socketMode.Handler.Behaviour = (_, _) => Task.FromResult<JsonObject?>(new JsonObject { ["text"] = "not wanted" });
        var payload = type == "events_api" ? SocketModeHarness.EventCallback("Ev1") : new JsonObject { ["type"] = "block_actions", ["trigger_id"] = "3.4.5" };

        var ack = await socketMode.Server.SendEnvelopeAsync(type, payload);

        Assert.Equal(["envelope_id"], ack.Select(property => property.Key));
        Assert.Equal(kind, Assert.Single(socketMode.Handler.All).Kind);
    }

    [Fact]
    public async Task RunAsync_EventRedeliveredInANewEnvelope_HandlerRunsOnceBothAcked()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        var connection = await socketMode.Server.NextConnectionAsync();

        var first = await connection.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev1"));
        var again = await connection.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev1"), retryAttempt: 1);
        var other = await connection.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev2"));

        Assert.NotEqual(first["envelope_id"]!.GetValue<string>(), again["envelope_id"]!.GetValue<string>());
        Assert.Equal(["Ev1", "Ev2"], socketMode.Handler.All.Select(inbound => inbound.Payload["event_id"]!.GetValue<string>()));
        Assert.NotNull(other);
    }

    [Fact]
    public async Task RunAsync_CommandRedeliveredWithTheSameEnvelopeId_HandlerRunsOnce()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        var connection = await socketMode.Server.NextConnectionAsync();

        await connection.SendEnvelopeAsync("slash_commands", SocketModeHarness.SlashCommand(), acceptsResponsePayload: true, envelopeId: "env-1");
        var again = await connection.SendEnvelopeAsync("slash_commands", SocketModeHarness.SlashCommand(), acceptsResponsePayload: true, retryAttempt: 1, envelopeId: "env-1");

        Assert.Equal("env-1", again["envelope_id"]!.GetValue<string>());
        Assert.Single(socketMode.Handler.All);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_AckedAndLoggedAndTheNextEnvelopeHandled()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        socketMode.Handler.Behaviour = (inbound, _) => inbound.Payload["text"]!.GetValue<string>() == "boom"
            ? throw new InvalidOperationException("the store is down")
            : Task.FromResult<JsonObject?>(new JsonObject { ["text"] = "fine" });
        var connection = await socketMode.Server.NextConnectionAsync();

        var failed = await connection.SendEnvelopeAsync("slash_commands", SocketModeHarness.SlashCommand("boom"), acceptsResponsePayload: true);
        var next = await connection.SendEnvelopeAsync("slash_commands", SocketModeHarness.SlashCommand("today"), acceptsResponsePayload: true);

        Assert.Null(failed["payload"]);
        Assert.Equal("fine", next["payload"]!["text"]!.GetValue<string>());
        Assert.Contains(socketMode.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception?.Message == "the store is down");
    }

    [Fact]
    public async Task RunAsync_EnvelopeInSeveralFrames_Assembled()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        var connection = await socketMode.Server.NextConnectionAsync();
        var payload = SocketModeHarness.EventCallback("Ev1");
        payload["event"]!["text"] = new string('x', 20_000);

        var id = await connection.StartEnvelopeAsync("events_api", payload, frames: 7);
        await connection.AckAsync(id);

        Assert.Equal(20_000, Assert.Single(socketMode.Handler.All).Payload["event"]!["text"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task RunAsync_SlowHandler_LaterEnvelopesAreNotHeldUp()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        socketMode.Handler.Behaviour = async (inbound, _) =>
        {
            if (inbound.Payload["event_id"]!.GetValue<string>() == "slow")
            {
                await release.Task;
            }

            return null;
        };
        var connection = await socketMode.Server.NextConnectionAsync();

        var slow = await connection.StartEnvelopeAsync("events_api", SocketModeHarness.EventCallback("slow"));
        await connection.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("fast"));
        var slowAckedFirst = connection.WasAcknowledged(slow);
        release.SetResult();
        await connection.AckAsync(slow);

        Assert.False(slowAckedFirst);
    }

    [Fact]
    public async Task RunAsync_MessagesThatAreNotEnvelopes_IgnoredAndTheConnectionKept()
    {
        await using var socketMode = await SocketModeHarness.StartAsync();
        var connection = await socketMode.Server.NextConnectionAsync();

        await connection.SendAsync(new JsonObject { ["type"] = "something_new" });
        await connection.SendAsync(new JsonObject { ["type"] = "events_api", ["payload"] = new JsonObject() });
        var ack = await connection.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev1"));

        Assert.NotNull(ack);
        Assert.Single(socketMode.Handler.All);
        Assert.Equal(1, socketMode.Server.ConnectionCount);
    }
}
