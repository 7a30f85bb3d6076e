using System.Globalization;
using System.Text.Json;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands.Handlers;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// Issue 17 on Discord, end to end: the real host over signed HTTP interactions and a Discord-compatible server on
/// loopback. The console cohort (French) is moved to channel 5 in a zone where it is about noon now, with a same-day
/// post due five minutes ago: the start's reconciliation sends day 3's post, which opens its thread.
/// </summary>
[Collection(WebApplicationFactoryTests.Name)]
public sealed class CoachingOnDiscordTests
{
    private const string Thread = "/threads";
    private const string Role = "1300000000000000777";
    private static readonly DeliveryKey DayThree = new(new CohortId("console"), "day-3");

    [Fact]
    public async Task DailyPost_OpensOneThread_NamedAfterTheLesson_AndARestartOpensNoOther()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        using var data = new TempFolder();

        DeliveryRecord first;
        using (var host = new CoachingHost(discord.ApiBaseUrl, data.Path))
        {
            first = await SentWithThreadAsync(host);
        }

        using (var restarted = new CoachingHost(discord.ApiBaseUrl, data.Path))
        {
            _ = restarted.Server;
            // Reconciliation at the start, and one more round, as another instance would do it.
            await restarted.Services.GetRequiredService<DailyPostService>().DeliverDueAsync(new CohortId("console"));
            Assert.Equal(first.ThreadId, (await restarted.Services.GetRequiredService<IDeliveryLedger>().FindAsync(DayThree))!.ThreadId);
        }

        var post = Assert.Single(discord.Requests, request => request is { Method: "POST", Path: "/api/v10/channels/5/messages" });
        var thread = Assert.Single(discord.Requests, request => request.Method == "POST" && request.Path.EndsWith(Thread, StringComparison.Ordinal));
        Assert.Equal($"/api/v10/channels/5/messages/{first.MessageId}/threads", thread.Path);
        using var body = JsonDocument.Parse(thread.Body);
        Assert.StartsWith("Jour 3 — ", body.RootElement.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(1440, body.RootElement.GetProperty("auto_archive_duration").GetInt32());
        // The thread is the post's: Discord gives it the message's id.
        Assert.Equal(first.MessageId, first.ThreadId);
        Assert.NotNull(post);
    }

    [Fact]
    public async Task Share_InTheThread_ChecksInOnce_PostsThere_Congratulates_AndGivesTheRole()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        using var data = new TempFolder();
        using var host = new CoachingHost(discord.ApiBaseUrl, data.Path);
        var thread = (await SentWithThreadAsync(host)).ThreadId!;

        var shared = await host.AskAsync(Interaction(thread, "share", """[{"name":"url","type":3,"value":"https://dev.to/ada/day-3"},{"name":"note","type":3,"value":"mes notes"}]"""));
        var again = await host.AskAsync(Interaction(thread, "share", """[{"name":"url","type":3,"value":"https://dev.to/ada/other"}]"""));
        var notALink = await host.AskAsync(Interaction(thread, "share", """[{"name":"url","type":3,"value":"javascript:alert(1)"}]""", user: "10"));
        var done = await host.AskAsync(Interaction(thread, "done", "[]"));

        Assert.StartsWith("Partagé dans le fil du jour — jour 3 validé", shared, StringComparison.Ordinal);
        Assert.Equal("Vous avez déjà partagé quelque chose pour le jour 3 : un partage par jour.", again);
        Assert.StartsWith("« javascript:alert(1) » n’est pas un lien", notALink, StringComparison.Ordinal);
        Assert.StartsWith("Le jour 3 était déjà validé", done, StringComparison.Ordinal);
        var checkIns = await host.Services.GetRequiredService<IParticipationStore>().ForMemberAsync(new CohortId("console"), "discord:9");
        Assert.Equal(3, Assert.Single(checkIns).Day);

        var inThread = Assert.Single(discord.Requests, request => request is { Method: "POST" } && request.Path == $"/api/v10/channels/{thread}/messages");
        using (var message = JsonDocument.Parse(inThread.Body))
        {
            var text = Description(message);
            Assert.StartsWith("📣 <@9> apprend en public, jour 3 : ", text, StringComparison.Ordinal);
            Assert.Contains("https://dev.to/ada/day-3", text, StringComparison.Ordinal);
            Assert.Contains("mes notes", text, StringComparison.Ordinal);
            // The member is named, not notified: nothing in the message may ping anyone.
            Assert.Empty(message.RootElement.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        }

        // Milestone 1: congratulated once, in the channel, and given the role in the channel's server.
        var posts = discord.Requests.Where(request => request is { Method: "POST", Path: "/api/v10/channels/5/messages" }).ToList();
        Assert.Equal(2, posts.Count);
        using (var congratulation = JsonDocument.Parse(posts[1].Body))
        {
            Assert.Equal("🎉 <@9> a fait 1 jours de #90DaysOfDevOps — félicitations !", Description(congratulation));
        }

        Assert.Single(discord.Requests, request => request is { Method: "PUT" } && request.Path == $"/api/v10/guilds/{FakeDiscordServer.Guild}/members/9/roles/{Role}");
    }

    [Fact]
    public async Task Share_WhenTheThreadIsArchived_IsPostedInTheChannel_NotInTheThread()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        using var data = new TempFolder();
        using var host = new CoachingHost(discord.ApiBaseUrl, data.Path, milestones: "none");
        var thread = (await SentWithThreadAsync(host)).ThreadId!;
        discord.ArchivedThreads[thread] = true;

        var shared = await host.AskAsync(Interaction(thread, "share", """[{"name":"url","type":3,"value":"https://example.org/day-3"}]"""));

        Assert.StartsWith("Partagé dans le salon — jour 3", shared, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Requests, request => request is { Method: "POST" } && request.Path == $"/api/v10/channels/{thread}/messages");
        Assert.Equal(2, discord.Requests.Count(request => request is { Method: "POST", Path: "/api/v10/channels/5/messages" }));
    }

    [Fact]
    public async Task MilestoneRole_MissingPermission_IsReportedInStatusOnce_AndNotAskedForAgain()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.RefuseRoles = true;
        using var data = new TempFolder();
        using var host = new CoachingHost(discord.ApiBaseUrl, data.Path);
        await SentWithThreadAsync(host);

        await host.AskAsync(Interaction("5", "done", "[]", user: "9"));
        await host.AskAsync(Interaction("5", "done", "[]", user: "10"));
        await host.AskAsync(Interaction("5", "done", "[]", user: "11"));
        var status = await host.AskAsync(Interaction("5", "status", "[]", user: "12", permissions: "32"));

        Assert.Single(discord.Requests, request => request.Method == "PUT" && request.Path.Contains("/roles/", StringComparison.Ordinal));
        Assert.Equal(4, discord.Requests.Count(request => request is { Method: "POST", Path: "/api/v10/channels/5/messages" }));
        Assert.Contains($"Le rôle d’étape {Role} n’a pas pu être donné", status, StringComparison.Ordinal);
        Assert.Contains("50013", status, StringComparison.Ordinal);
    }

    private static string Description(JsonDocument message) =>
        message.RootElement.GetProperty("embeds")[0].GetProperty("description").GetString()!;

    /// <summary>Waits for the start's reconciliation to send day 3's post and record its thread.</summary>
    private static async Task<DeliveryRecord> SentWithThreadAsync(CoachingHost host)
    {
        _ = host.Server;
        var ledger = host.Services.GetRequiredService<IDeliveryLedger>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await ledger.FindAsync(DayThree) is { State: DeliveryState.Sent, ThreadId: not null } record)
            {
                return record;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("day 3's post was not sent with its thread within 10 seconds");
    }

    /// <summary>A slash command from <paramref name="channel"/>: the thread (whose parent is channel 5) or channel 5 itself.</summary>
    private static string Interaction(string channel, string command, string options, string user = "9", string permissions = "0")
    {
        var where = channel == "5" ? "" : $$""","channel":{"id":"{{channel}}","type":11,"parent_id":"5"}""";
        var id = Interlocked.Increment(ref _nextId);
        return $$$"""
            {"id":"{{{id}}}","application_id":"1200000000000000002","type":2,"token":"token-{{{id}}}",
             "channel_id":"{{{channel}}}"{{{where}}},"guild_id":"{{{FakeDiscordServer.Guild}}}","locale":"en-US",
             "member":{"permissions":"{{{permissions}}}","user":{"id":"{{{user}}}","username":"member{{{user}}}"}},
             "data":{"name":"{{{command}}}","type":1,"options":{{{options}}}}}
            """;
    }

    private static long _nextId = 1100000000000000100;

    /// <summary>The console cohort in channel 5, at about noon in its zone, threads and milestone 1 with a role.</summary>
    private sealed class CoachingHost(string apiBaseUrl, string dataDirectory, string milestones = "1")
        : SignedDiscordHost(apiBaseUrl, Settings(dataDirectory, milestones))
    {
        /// <summary>The reply's text: the callback's content or embed, or the deferred answer's edit.</summary>
        public async Task<string> AskAsync(string body)
        {
            using var response = await PostAsync(body);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(4, answer.RootElement.GetProperty("type").GetInt32());
            var data = answer.RootElement.GetProperty("data");
            if (data.TryGetProperty("content", out var content) && content.GetString() is { Length: > 0 } text)
            {
                return text;
            }

            // An embed: its description, then its fields' names and values, as the member reads them.
            var embed = data.GetProperty("embeds")[0];
            var parts = new List<string>();
            if (embed.TryGetProperty("description", out var description))
            {
                parts.Add(description.GetString()!);
            }

            if (embed.TryGetProperty("fields", out var fields))
            {
                parts.AddRange(fields.EnumerateArray().SelectMany(field => new[] { field.GetProperty("name").GetString()!, field.GetProperty("value").GetString()! }));
            }

            return string.Join('\n', parts);
        }

        private static Dictionary<string, string> Settings(string dataDirectory, string milestones)
        {
            var now = TimeProvider.System.GetUtcNow();
            // UTC+offset is IANA's Etc/GMT-offset (the sign is reversed there).
            var offset = 12 - now.UtcDateTime.Hour;
            var zone = offset == 0 ? "Etc/GMT" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
            var local = now.UtcDateTime.AddHours(offset);
            return new Dictionary<string, string>
            {
                ["Storage:DataDirectory"] = dataDirectory,
                ["Cohorts:0:Target"] = "discord:5",
                ["Cohorts:0:TimeZone"] = zone,
                ["Cohorts:0:StartDate"] = local.Date.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Cohorts:0:PostTime"] = local.AddMinutes(-5).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                ["Cohorts:0:PostTiming"] = "SameDay",
                ["Cohorts:0:Threads"] = "true",
                ["Cohorts:0:Milestones"] = milestones,
                ["Cohorts:0:MilestoneRole"] = Role,
            };
        }
    }
}
