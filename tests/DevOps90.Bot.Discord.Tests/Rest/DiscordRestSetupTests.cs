using System.Net;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
using DevOps90.Bot.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Discord.Tests.Rest;

public sealed class DiscordRestSetupTests
{
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTMyNTAwMDAwMDAwMDAwMDAwMzpmYWtl";

    [Fact]
    public async Task AddDiscordRest_ClientsFromContainer_ShareLimiterAndLogNoToken()
    {
        var logs = new RecordingLogs();
        var handler = new FakeDiscordHandler(TimeProvider.System);
        handler.Then(() => DiscordAnswer.NoContent());
        handler.Then(() => DiscordAnswer.Create(HttpStatusCode.Forbidden, """{"message": "Missing Access", "code": 50001}"""));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton(Options.Create(new DiscordOptions { Token = RestHarness.BotToken, ApplicationId = "1325000000000000000" }));
        services.AddDiscordRest();
        services.AddHttpClient<IDiscordRestClient, DiscordRestClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IDiscordRestClient>();
        await client.CreateInteractionResponseAsync(new Snowflake(77), InteractionToken, new InteractionResponsePayload(InteractionCallbackType.Pong));
        await Assert.ThrowsAsync<DiscordApiException>(() => client.CreateMessageAsync(new Snowflake(5), new MessagePayload { Content = "x" }));

        Assert.NotSame(client, provider.GetRequiredService<IDiscordRestClient>());
        Assert.Same(provider.GetRequiredService<DiscordRateLimiter>(), provider.GetRequiredService<DiscordRateLimiter>());
        Assert.Equal(2, handler.Requests.Count);
        var logged = logs.Entries.Select(entry => entry.Everything).ToList();
        Assert.Contains(logged, line => line.Contains("POST /channels/{channel_id}/messages answered 403", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, line => line.Contains(InteractionToken, StringComparison.Ordinal) || line.Contains(RestHarness.BotToken, StringComparison.Ordinal));
    }
}
