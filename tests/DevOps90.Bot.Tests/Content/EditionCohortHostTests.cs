using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Slack;
using DevOps90.Bot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.Content;

/// <summary>
/// A Spanish-speaking group on the 2024 edition, read from an upstream-shaped checkout beside the bundled content: the
/// daily post, /day, /resources, /search and the Done button all follow the group's edition, in Spanish, with the
/// English lesson (2024 has no translation) and a note saying so.
/// </summary>
[Collection(SlackHosts.Name)]
public sealed class EditionCohortHostTests : IDisposable
{
    private const string Learner = "U0LEARNER";
    private const string Video = "https://www.youtube.com/watch?v=edition2024d8";
    private const string Resource = "https://example.org/2024/backstage-guide";

    private static readonly JsonSerializerOptions _readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TempFolder _checkout = new();

    public EditionCohortHostTests()
    {
        for (var day = 1; day <= 10; day++)
        {
            _checkout.Write($"2024/day{day:00}.md", day == 8 ? DayEight : OtherDay(day));
        }
    }

    public void Dispose() => _checkout.Dispose();

    [Fact]
    public async Task DailyPost_2024GroupInSpanish_CarriesThe2024LessonItsVideoAndADoneButton()
    {
        // 18:00 in Paris on 2027-01-07, day 7 of a group that starts on 2027-01-01: the evening post announces day 8.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-07T16:59:50Z", CultureInfo.InvariantCulture));
        await using var slack = await FakeSlackApi.StartAsync(clock);
        await using var host = await SlackHost.StartAsync(slack, Settings("2027-01-01"), services => services.AddSingleton<TimeProvider>(clock));
        await Scheduling.SchedulingHost.WaitUntilRunningAsync(host.Services);

        await AdvanceUntilSentAsync(host.Services, clock);

        var post = Assert.Single(slack.Messages(SlackHost.Channel));
        Assert.Contains("Día 8", post.Text, StringComparison.Ordinal);
        var blocks = post.Blocks!.ToJsonString();
        Assert.Contains("Backstage", blocks, StringComparison.Ordinal);
        Assert.Contains(Video, blocks, StringComparison.Ordinal);
        Assert.Contains(Resource, blocks, StringComparison.Ordinal);
        Assert.Contains("done 8", blocks, StringComparison.Ordinal);
        Assert.Contains("Hecho", blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_2024GroupInSpanish_AnswerFromThe2024Edition_AndDoneChecksInOnIt()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.AddUser(new FakeSlackUser(Learner, "learner", Locale: "es-ES"));
        await using var host = await SlackHost.StartAsync(slack, Settings(StartedEightDaysAgo()));

        var day = await AnswerAsync(host, "day 8");
        var resources = await AnswerAsync(host, "resources 8");
        var search = await AnswerAsync(host, "search quokkaportal");
        using (await host.PressAsync("done 8", Learner, "done")) { }
        await SlackHostTests.WaitForAsync(() => slack.Responses("done").Count > 0);

        Assert.Contains("Backstage", day, StringComparison.Ordinal);
        Assert.Contains("Día 8", day, StringComparison.Ordinal);
        // No Spanish 2024 lesson exists: the English one, saying so in Spanish.
        Assert.Contains("aún no está disponible", day, StringComparison.Ordinal);
        Assert.Contains(Resource, resources, StringComparison.Ordinal);
        Assert.DoesNotContain("https://example.org/2022", resources, StringComparison.Ordinal);
        Assert.Contains("Backstage", search, StringComparison.Ordinal);
        var checkIns = await host.Services.GetRequiredService<IParticipationStore>()
            .ForMemberAsync(new CohortId("console"), $"slack:{FakeSlackApi.TeamId}:{Learner}");
        Assert.Equal(8, Assert.Single(checkIns).Day);
    }

    private string[] Settings(string startDate) =>
    [
        "--Content:Sources:0:Path=content",
        $"--Content:Sources:1:Path={_checkout.Path}",
        "--Cohorts:0:Curriculum=2024",
        "--Cohorts:0:Language=es",
        $"--Cohorts:0:StartDate={startDate}",
        "--Scheduling:ReconcileInterval=00:00:05",
    ];

    private static async Task<string> AnswerAsync(SlackHost host, string text)
    {
        using var response = await host.CommandAsync(text, Learner);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        // Unescaped, so the test reads the Spanish as the member would.
        return answer.ToJsonString(_readable);
    }

    private static string StartedEightDaysAgo()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), paris).DateTime);
        return today.AddDays(-8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static async Task AdvanceUntilSentAsync(IServiceProvider services, FakeTimeProvider clock)
    {
        var ledger = services.GetRequiredService<IDeliveryLedger>();
        for (var step = 0; step < 60; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50);
            if (await ledger.FindAsync(new DeliveryKey(new CohortId("console"), "day-8")) is { State: DeliveryState.Sent })
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException("the post of day 8 was not recorded as sent within five minutes of fake time");
    }

    // Upstream's 2024 shape: a "Day N - " title, the video as a thumbnail that links to it, the resources last.
    private const string DayEight = $"""
        # Day 8 - Platform engineering with Backstage

        [![Platform engineering with Backstage](thumbnail.png)]({Video})

        ## Overview

        An internal developer portal gathers services, docs and templates in one place; the quokkaportal example walks through one.

        ## Resources

        - [Backstage guide]({Resource})
        """;

    private static string OtherDay(int day) => $"""
        # Day {day} - Topic number {day}

        What the day {day} session of 2024 covers, in a sentence.

        ## Resources

        - [Link {day}](https://example.org/2024/{day})
        """;
}
