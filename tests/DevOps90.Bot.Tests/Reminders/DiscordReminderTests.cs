using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Discord;
using DevOps90.Bot.Discord.Rest;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Discord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.Reminders;

/// <summary>
/// A reminder round end to end on Discord: the messenger, the real REST client and its rate limiter, and the fake
/// Discord with Discord's limits on loopback, which answers 50007 for a user who takes no messages from the bot.
/// </summary>
public sealed class DiscordReminderTests
{
    private static readonly Cohort _cohort = new() { Id = new CohortId("group"), CurriculumId = "2022", StartDate = new DateOnly(2027, 1, 4), TimeZoneId = "UTC" };

    [Fact]
    public async Task Run_OneOpenAndOneClosed_SendsOneAndRecordsTheOtherWhichIsNotRetried()
    {
        await using var fake = await RateLimitedDiscord.StartAsync(TimeSpan.Zero);
        fake.ClosedUsers.Add("222222222222222222");
        using var http = new HttpClient();
        var policy = new DiscordRestPolicy();
        var options = Options.Create(new DiscordOptions { Token = "test-token", ApplicationId = "1325000000000000000", ApiBaseUrl = fake.ApiBaseUrl });
        var client = new DiscordRestClient(http, new DiscordRateLimiter(policy, TimeProvider.System, NullLogger<DiscordRateLimiter>.Instance), policy, options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 5, 19, 0, 0, TimeSpan.Zero));
        var rig = new ReminderRig(_cohort, new DiscordDirectMessenger(client, options, new DirectMessagePace(policy, TimeProvider.System)), clock);
        await rig.Participation.CheckInAsync(_cohort, "discord:111111111111111111", 1);
        await rig.DueNowAsync("discord:111111111111111111");
        await rig.DueNowAsync("discord:222222222222222222");

        var first = await rig.Round.RunAsync();
        var again = await rig.Round.RunAsync();
        var messagesTheFirstDay = fake.MessagesPerChannel().Values.Sum();
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await rig.Round.RunAsync();

        Assert.Equal((2, 1, 1), (first.Due, first.Sent, first.Closed));
        Assert.Equal((0, 1), (again.Due, nextDay.Due));
        // The open member gets one a day; the closed one was refused once, then left alone.
        Assert.Equal((2, 1), (fake.DirectChannels, fake.ClosedRefusals));
        Assert.Equal((1, 2), (messagesTheFirstDay, fake.MessagesPerChannel().Values.Sum()));
        Assert.NotNull((await rig.Store.FindAsync(_cohort.Id, "discord:222222222222222222"))!.BlockedAt);
    }
}
