using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using DevOps90.Bot.Slack.Inbound;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Slack;

/// <summary>
/// The real host on loopback configured for Slack over HTTP, its Web API calls going to a fake Slack in the test;
/// requests are signed with the test's signing secret, as Slack signs them.
/// </summary>
internal sealed class SlackHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";
    public const string Channel = "C0POSTS";

    private readonly HttpClient _client = new();

    private SlackHost(FakeSlackApi slack, TestHost host)
    {
        Slack = slack;
        Host = host;
    }

    public FakeSlackApi Slack { get; }

    public TestHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public static string[] Settings(FakeSlackApi slack) =>
    [
        "--Slack:BotToken=" + FakeSlackApi.DefaultBotToken,
        "--Slack:Transport=Http",
        "--Slack:SigningSecret=" + SigningSecret,
        "--Slack:ApiBaseUrl=" + slack.BaseUrl,
        "--Cohorts:0:Target=slack:" + Channel,
    ];

    /// <summary>A started host; <paramref name="settings"/> add to the Slack ones (the bundled French "console" cohort, moved to Slack).</summary>
    public static async Task<SlackHost> StartAsync(FakeSlackApi slack, IEnumerable<string>? settings = null, Action<IServiceCollection>? overrides = null)
    {
        var host = new TestHost([.. Settings(slack), .. settings ?? []], overrides);
        await host.App.StartAsync();
        return new SlackHost(slack, host);
    }

    /// <summary>A form body signed now (or at <paramref name="timestamp"/>) with <paramref name="secret"/>.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string secret = SigningSecret, long? timestamp = null)
    {
        var body = new FormUrlEncodedContent(fields).ReadAsStringAsync().Result;
        var at = (timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var signature = new SlackSignature(secret, TimeProvider.System).Sign(at, Encoding.UTF8.GetBytes(body));
        var request = new HttpRequestMessage(HttpMethod.Post, Host.App.Urls.First() + path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", at);
        request.Headers.Add("X-Slack-Signature", signature);
        return _client.SendAsync(request);
    }

    /// <summary>/devops90 with <paramref name="text"/>, typed by <paramref name="user"/> in <paramref name="channel"/>.</summary>
    public Task<HttpResponseMessage> CommandAsync(string text, string user, string channel = Channel, string responseId = "command", string secret = SigningSecret, long? timestamp = null) =>
        PostFormAsync("/slack/commands", new Dictionary<string, string>
        {
            ["command"] = "/devops90",
            ["text"] = text,
            ["team_id"] = FakeSlackApi.TeamId,
            ["user_id"] = user,
            ["channel_id"] = channel,
            ["response_url"] = Slack.ResponseUrl(responseId).ToString(),
            ["trigger_id"] = Guid.NewGuid().ToString("N"),
        }, secret, timestamp);

    /// <summary>A press of the button whose value is <paramref name="commandLine"/>.</summary>
    public Task<HttpResponseMessage> PressAsync(string commandLine, string user, string responseId) =>
        PostFormAsync("/slack/interactions", new Dictionary<string, string>
        {
            ["payload"] = $$"""
                {"type":"block_actions","trigger_id":"{{Guid.NewGuid():N}}","team":{"id":"{{FakeSlackApi.TeamId}}"},
                 "user":{"id":"{{user}}","team_id":"{{FakeSlackApi.TeamId}}"},"channel":{"id":"{{Channel}}"},
                 "response_url":"{{Slack.ResponseUrl(responseId)}}",
                 "actions":[{"action_id":"cmd-0","type":"button","value":"{{commandLine}}"}]}
                """,
        });

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Host.App.StopAsync();
        await Host.DisposeAsync();
    }
}
