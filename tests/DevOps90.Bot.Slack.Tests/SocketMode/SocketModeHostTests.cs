using System.Net.WebSockets;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Slack.Inbound;
using DevOps90.Bot.Slack.SocketMode;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Logging;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Tests.SocketMode;

/// <summary>Socket Mode as the setup will register it: a hosted service, started and stopped with the host.</summary>
public sealed class SocketModeHostTests
{
    [Fact]
    public async Task AddSlackSocketMode_HostStartsAndStops_HandlesEnvelopesThenClosesCleanly()
    {
        await using var server = await FakeSlackSocketServer.StartAsync();
        var handler = new RecordingInboundHandler();
        var logs = new RecordingLogs();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        builder.Services.AddSingleton<ISlackApi>(new SocketUrlApi(server));
        builder.Services.AddSingleton<ISlackInboundHandler>(handler);
        builder.Services.AddSingleton<TimeProvider>(new ObservedClock(SocketModeHarness.Start));
        builder.Services.AddSingleton<ILeaseStore, InMemoryLeaseStore>();
        builder.Services.AddSingleton(new InstanceIdentity("test/1/abc"));
        builder.Services.AddSlackSocketMode();
        using var host = builder.Build();

        await host.StartAsync();
        var ack = await server.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev1"));
        var connection = await server.CurrentConnectionAsync();
        await host.StopAsync();

        Assert.NotNull(ack["envelope_id"]);
        Assert.Single(handler.All);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.ClientClosed.WaitAsync(FakeSlackSocketServer.Patience));
        Assert.Empty(logs.Problems);
    }
}
