using System.Net;
using System.Text.Json;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Interactions;
using DevOps90.Bot.Discord.Tests.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests.Interactions;

/// <summary>An interaction received twice (a replayed signed request, a gateway event seen again) runs once.</summary>
public sealed class InteractionReplayTests
{
    [Fact]
    public async Task Post_SameSignedInteractionTwice_RunsTheCommandOnce()
    {
        var counting = new CountingCommand();
        var bot = new InteractionFixture(counting);
        await using var host = await InteractionsEndpointHost.StartAsync(bot);
        var body = InteractionFixture.Command("count");

        using var first = await host.PostAsync(body, bot.Time.GetUtcNow());
        using var replay = await host.PostAsync(body, bot.Time.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(1, counting.Runs);
    }

    [Fact]
    public async Task Post_SamePingTwice_AnswersBoth()
    {
        // PING runs nothing, and Discord's checks of the endpoint may well repeat one.
        var bot = new InteractionFixture();
        await using var host = await InteractionsEndpointHost.StartAsync(bot);
        const string Ping = """{"id":"1","application_id":"1200000000000000002","type":1,"token":"t"}""";

        using var first = await host.PostAsync(Ping, bot.Time.GetUtcNow());
        using var second = await host.PostAsync(Ping, bot.Time.GetUtcNow());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task HandleDispatchAsync_SameInteractionTwice_RunsTheCommandAndSendsOneCallback()
    {
        var counting = new CountingCommand();
        var bot = new InteractionFixture(counting);
        using var rest = new RestHarness();
        rest.Handler.Otherwise = _ => DiscordAnswer.NoContent();
        var handler = new GatewayInteractionHandler(bot.Processor, bot.Deferred, new RecentInteractions(rest.Time), rest.Client, rest.Time, NullLogger<GatewayInteractionHandler>.Instance);
        using var interaction = JsonDocument.Parse(InteractionFixture.Command("count"));

        await handler.HandleDispatchAsync("INTERACTION_CREATE", interaction.RootElement, CancellationToken.None);
        await handler.HandleDispatchAsync("INTERACTION_CREATE", interaction.RootElement, CancellationToken.None);

        Assert.Equal(1, counting.Runs);
        Assert.Single(rest.Handler.Requests);
    }

    [Fact]
    public void TryAdd_SameIdWithinAndAfterRetention_RefusedThenNewAgain()
    {
        var time = new FakeTimeProvider();
        var recent = new RecentInteractions(time);
        var id = new Snowflake(1100000000000000001);

        var first = recent.TryAdd(id);
        time.Advance(RecentInteractions.Retention - TimeSpan.FromSeconds(1));
        var within = recent.TryAdd(id);
        time.Advance(TimeSpan.FromSeconds(1));
        var after = recent.TryAdd(id);

        Assert.Equal((true, false, true), (first, within, after));
    }

    [Fact]
    public void TryAdd_BeyondCapacity_ForgetsTheOldestFirst()
    {
        var recent = new RecentInteractions(new FakeTimeProvider()) { Capacity = 3 };

        Assert.All(new ulong[] { 1, 2, 3, 4 }, id => Assert.True(recent.TryAdd(new Snowflake(id))));

        Assert.False(recent.TryAdd(new Snowflake(4)));
        Assert.False(recent.TryAdd(new Snowflake(2)));
        Assert.True(recent.TryAdd(new Snowflake(1)));
    }

    private sealed class CountingCommand : ICommandHandler
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public CommandDefinition Definition { get; } = new("count", []);

        public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _runs);
            return ValueTask.FromResult(new Reply { Title = "Counted", Language = "en" });
        }
    }
}
