using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Testing.Logging;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Slack.Tests.Api;

/// <summary>A client, its rate gate and a fake Slack on loopback, all on one fake clock.</summary>
internal sealed class SlackApiHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new();

    private SlackApiHarness(FakeTimeProvider time, FakeSlackApi slack, SlackApiPolicy policy, string? botToken, string? appToken)
    {
        Time = time;
        Slack = slack;
        Gate = new SlackRateGate(policy, Time, GateLog.For<SlackRateGate>());
        Client = new SlackApiClient(
            _http,
            Gate,
            policy,
            Options.Create(new SlackOptions { BotToken = botToken, AppToken = appToken, ApiBaseUrl = slack.BaseUrl }),
            Time,
            Log.For<SlackApiClient>());
    }

    public FakeTimeProvider Time { get; }

    public FakeSlackApi Slack { get; }

    public SlackRateGate Gate { get; }

    public SlackApiClient Client { get; }

    public RecordingLogs Log { get; } = new();

    public RecordingLogs GateLog { get; } = new();

    public static async Task<SlackApiHarness> StartAsync(
        SlackApiPolicy? policy = null,
        string? botToken = FakeSlackApi.DefaultBotToken,
        string? appToken = FakeSlackApi.DefaultAppToken)
    {
        var time = new FakeTimeProvider(Start);
        var slack = await FakeSlackApi.StartAsync(time);
        return new SlackApiHarness(time, slack, policy ?? new SlackApiPolicy(), botToken, appToken);
    }

    /// <summary>
    /// Moves the fake clock on by <paramref name="step"/> until <paramref name="task"/> has finished: its waits (Retry-After,
    /// backoff, pacing) pass on the fake clock while its requests go over loopback for real.
    /// </summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task, TimeSpan step)
    {
        await AdvanceUntilDoneAsync((Task)task, step);
        return await task;
    }

    public async Task AdvanceUntilDoneAsync(Task task, TimeSpan step)
    {
        for (var round = 0; !task.IsCompleted; round++)
        {
            Assert.True(round < 1_000, "the call did not finish: it waits for something other than the clock");
            Time.Advance(step);
            await Task.WhenAny(task, Task.Delay(10));
        }

        await task;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Slack.DisposeAsync();
    }
}
