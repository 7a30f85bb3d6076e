using System.Collections.Concurrent;
using System.Net;
using DevOps90.Bot.Discord.Payloads;
using DevOps90.Bot.Discord.Rest;
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
        var logs = new CapturingLoggerProvider();
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
        Assert.Contains(logs.Lines, line => line.Contains("POST /channels/{channel_id}/messages answered 403", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(InteractionToken, StringComparison.Ordinal) || line.Contains(RestHarness.BotToken, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue($"{formatter(state, exception)} {exception}");

        public void Dispose()
        {
        }
    }
}
