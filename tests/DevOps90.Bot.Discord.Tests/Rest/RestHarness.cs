using DevOps90.Bot.Core.Telemetry;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>A client, its limiter and a fake Discord on one fake clock.</summary>
internal sealed class RestHarness : IDisposable
{
    // Shaped like a bot token; it must never show up in an exception or a log.
    public const string BotToken = "MTMyNTAwMDAwMDAwMDAwMDAwMQ.GfakeX.not-a-real-bot-token-0123456789";

    public static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http;

    public RestHarness(
        DiscordRestPolicy? policy = null, string apiBaseUrl = "https://discord.com/api/v10", ILogger<DiscordRestClient>? logger = null, BotMetrics? metrics = null)
    {
        Policy = policy ?? new DiscordRestPolicy();
        Handler = new FakeDiscordHandler(Time);
        Limiter = new DiscordRateLimiter(Policy, Time, NullLogger<DiscordRateLimiter>.Instance);
        _http = new HttpClient(Handler);
        Client = new DiscordRestClient(
            _http,
            Limiter,
            Policy,
            Options.Create(new DiscordOptions { Token = BotToken, ApplicationId = "1325000000000000000", ApiBaseUrl = apiBaseUrl }),
            Time,
            logger ?? NullLogger<DiscordRestClient>.Instance,
            metrics);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public DiscordRestPolicy Policy { get; }

    public FakeDiscordHandler Handler { get; }

    public DiscordRateLimiter Limiter { get; }

    public DiscordRestClient Client { get; }

    public static TimeSpan Elapsed(RecordedRequest request) => request.SentAt - Start;

    /// <summary>Moves the fake clock on by <paramref name="step"/> until <paramref name="task"/> has finished.</summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan step)
    {
        await RunAsync((Task)task, step);
        return await task;
    }

    public async Task RunAsync(Task task, TimeSpan step)
    {
        for (var steps = 0; !task.IsCompleted; steps++)
        {
            Assert.True(steps < 50_000, "the task did not finish: it waits for something other than time");
            Time.Advance(step);
            await Task.Yield();
        }

        await task;
    }

    public void Dispose() => _http.Dispose();
}
