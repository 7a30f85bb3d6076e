using System.Globalization;
using System.Text.Json;
using DevOps90.Bot.Cli;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>The host configured for Discord, talking to a Discord-compatible server inside the test.</summary>
public sealed class DiscordHostTests
{
    internal static string[] DiscordSettings(string apiBaseUrl) =>
    [
        "--Discord:Token=test-bot-token",
        "--Discord:ApplicationId=1200000000000000002",
        "--Discord:Transport=Http",
        "--Discord:PublicKey=" + new string('a', 64),
        "--Discord:RegisterCommands=false",
        $"--Discord:ApiBaseUrl={apiBaseUrl}",
    ];

    /// <summary>The console cohort, moved to a Discord channel, with its day-8 post due 3 seconds from now.</summary>
    private static TestHost PostingSoonHost(FakeDiscordServer discord, params string[] settings)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var postAt = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), paris).DateTime.AddSeconds(3);
        return new TestHost([
            .. DiscordSettings(discord.ApiBaseUrl),
            $"--Cohorts:0:StartDate={postAt.AddDays(-6):yyyy-MM-dd}",
            $"--Cohorts:0:PostTime={postAt:HH:mm:ss}",
            "--Cohorts:0:Target=discord:555000000000000555",
            "--Cohorts:0:MentionRole=777000000000000777",
            .. settings,
        ]);
    }

    [Fact]
    public async Task RegisterCommands_FirstTimeThenAgain_OverwritesOnlyWhenChanged()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = new TestHost(DiscordSettings(discord.ApiBaseUrl));
        using var output = new StringWriter();

        var first = await CommandsCommandLine.RegisterAsync(host.Services, "1300000000000000003", output);
        var second = await CommandsCommandLine.RegisterAsync(host.Services, "1300000000000000003", output);

        Assert.Equal((0, 0), (first, second));
        Assert.Equal(
            ["GET /api/v10/applications/1200000000000000002/guilds/1300000000000000003/commands", "PUT /api/v10/applications/1200000000000000002/guilds/1300000000000000003/commands", "GET /api/v10/applications/1200000000000000002/guilds/1300000000000000003/commands"],
            discord.Requests.Select(request => $"{request.Method} {request.Path}"));
        Assert.All(discord.Requests, request => Assert.Equal("Bot test-bot-token", request.Authorization));
        // The whole catalogue, however many commands it holds (what each one looks like: CommandRegistrationTests).
        var count = host.Services.GetRequiredService<CommandDispatcher>().Commands.Count();
        Assert.Contains($"{count} commands registered", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{count} commands already up to date", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyPost_ToADiscordChannel_IsCreatedWithTheLedgerNonce()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = PostingSoonHost(discord);

        await host.App.StartAsync();
        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        DeliveryRecord? record = null;
        for (var i = 0; i < 200 && record?.State != DeliveryState.Sent; i++)
        {
            await Task.Delay(50);
            record = await ledger.FindAsync(new DeliveryKey(new CohortId("console"), "day-8"));
        }

        await host.App.StopAsync();

        var post = Assert.Single(discord.Requests, request => request.Path == "/api/v10/channels/555000000000000555/messages");
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal(new DeliveryKey(new CohortId("console"), "day-8").IdempotencyKey, body.RootElement.GetProperty("nonce").GetString());
        Assert.True(body.RootElement.GetProperty("enforce_nonce").GetBoolean());
        Assert.Equal("<@&777000000000000777>", body.RootElement.GetProperty("content").GetString());
        Assert.Equal("777000000000000777", body.RootElement.GetProperty("allowed_mentions").GetProperty("roles")[0].GetString());
        Assert.StartsWith("Demain — Jour 8", body.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, record!.State);
        Assert.Matches("^[0-9]{19}$", record.MessageId);
    }

    [Fact]
    public async Task LeaderboardMessage_IsPostedAfterTheDailyPost_ThenEdited_AndPostedAgainOnceDeleted()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = PostingSoonHost(discord, "--Cohorts:0:LeaderboardMessage=true");
        const string Messages = "/api/v10/channels/555000000000000555/messages";

        await host.App.StartAsync();
        var store = host.Services.GetRequiredService<Core.Participation.ILeaderboardMessageStore>();
        Core.Participation.LeaderboardMessageRef? first = null;
        for (var i = 0; i < 200 && first is null; i++)
        {
            await Task.Delay(50);
            first = await store.FindAsync(new CohortId("console"));
        }

        var leaderboards = host.Services.GetRequiredService<Core.Participation.LeaderboardMessages>();
        var edited = await leaderboards.RefreshAsync(new CohortId("console"));
        discord.Delete(first!.MessageId);
        var replaced = await leaderboards.RefreshAsync(new CohortId("console"));
        await host.App.StopAsync();

        var posts = discord.Requests.Where(request => request is { Method: "POST", Path: Messages }).ToList();
        Assert.Equal(3, posts.Count);
        using var leaderboard = JsonDocument.Parse(posts[1].Body);
        Assert.Equal("Classement — depuis le début", leaderboard.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(leaderboard.RootElement.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.False(leaderboard.RootElement.GetProperty("allowed_mentions").TryGetProperty("roles", out _));
        Assert.Equal(Core.Participation.LeaderboardMessageStatus.Edited, edited.Status);
        // The edit, then the one that found the message deleted (404 Unknown Message) before posting anew.
        Assert.Equal(2, discord.Requests.Count(request => request.Method == "PATCH" && request.Path == $"{Messages}/{first.MessageId}"));
        Assert.Equal(Core.Participation.LeaderboardMessageStatus.Posted, replaced.Status);
        Assert.NotEqual(first.MessageId, replaced.MessageId);
        Assert.Equal(replaced.MessageId, (await store.FindAsync(new CohortId("console")))!.MessageId);
    }

    [Theory]
    [InlineData("--Discord:ApplicationId=1200000000000000002", "Discord:Token is required")]
    [InlineData("--Discord:Token=abc", "Discord:ApplicationId is required")]
    public async Task Start_IncompleteDiscordSettings_StopsNamingTheKey(string setting, string message)
    {
        await using var host = new TestHost([setting]);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.App.StartAsync());

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", exception.Message, StringComparison.Ordinal);
    }
}
