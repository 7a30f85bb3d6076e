using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Slack.Tests.Api;

public sealed class SlackApiSetupTests
{
    [Fact]
    public async Task AddSlackApi_WithSlackOptions_ResolvesAClientThatCallsTheConfiguredApi()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.AddChannel(new FakeSlackChannel("C0LESSONS", "lessons"));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.Configure<SlackOptions>(options =>
        {
            options.BotToken = FakeSlackApi.DefaultBotToken;
            options.ApiBaseUrl = slack.BaseUrl;
        });

        services.AddSlackApi();
        await using var provider = services.BuildServiceProvider();
        var answer = await provider.GetRequiredService<ISlackApi>().CallAsync("conversations.info", new JsonObject { ["channel"] = "C0LESSONS" });

        Assert.Equal("lessons", answer.GetProperty("channel").GetProperty("name").GetString());
        Assert.Same(provider.GetRequiredService<SlackRateGate>(), provider.GetRequiredService<SlackRateGate>());
    }
}
