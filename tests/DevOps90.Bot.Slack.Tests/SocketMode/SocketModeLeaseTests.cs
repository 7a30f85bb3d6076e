using System.Net.WebSockets;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Slack.Inbound;
using DevOps90.Bot.Slack.SocketMode;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DevOps90.Bot.Slack.Tests.SocketMode;

/// <summary>Two instances of the bot on Slack's Socket Mode, sharing one lease store, on frozen time.</summary>
public sealed class SocketModeLeaseTests
{
    [Fact]
    public async Task AddSlackSocketMode_TwoInstances_OnlyTheHolderConnectsAndTheOtherTakesOverWhenItStops()
    {
        var clock = new ObservedClock(SocketModeHarness.Start);
        var store = new InMemoryLeaseStore();
        await using var server = await FakeSlackSocketServer.StartAsync();
        using var first = Instance(server, store, clock, "web-1");
        using var second = Instance(server, store, clock, "web-2");

        await first.StartAsync();
        var held = await server.NextConnectionAsync();
        await second.StartAsync();
        // Both rest until their next round, the second having found the connection taken.
        await clock.WaitForDelayAsync(TimeSpan.FromSeconds(10), times: 2);
        var next = server.NextConnectionAsync();
        var secondConnectedToo = await Task.WhenAny(next, Task.Delay(100)) == next;
        var holders = await second.Services.GetRequiredService<IConnectionReport>().HoldersAsync(clock.GetUtcNow());
        await first.StopAsync();
        var closed = await held.ClientClosed.WaitAsync(FakeSlackSocketServer.Patience);
        clock.Fake.Advance(TimeSpan.FromSeconds(10));
        var takenOver = await next;
        await server.SendEnvelopeAsync("events_api", SocketModeHarness.EventCallback("Ev1"));
        await second.StopAsync();

        Assert.False(secondConnectedToo);
        Assert.Equal([(ConnectionKind.SocketMode, "web-1", false)], holders.Select(c => (c.Kind, c.Holder, c.IsThisInstance)));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, closed);
        Assert.Equal(2, takenOver.Number);
        Assert.Equal(2, server.ConnectionCount);
    }

    private static IHost Instance(FakeSlackSocketServer server, ILeaseStore store, TimeProvider clock, string id)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddSingleton<ISlackApi>(new SocketUrlApi(server));
        builder.Services.AddSingleton<ISlackInboundHandler>(new RecordingInboundHandler());
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new InstanceIdentity(id));
        builder.Services.AddSlackSocketMode();
        return builder.Build();
    }
}
