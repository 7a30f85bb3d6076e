using System.Net;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DevOps90.Bot.Tests.Web;

/// <summary>The moderators' dashboard: sign-in with Discord against a fake on loopback, who gets in, and what a change does.</summary>
public sealed class DashboardHostTests
{
    [Fact]
    public async Task SignIn_ServerManager_GetsTheGroupsDashboard_InSecureHttpOnlySameSiteCookies()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = new DashboardClient(host.Page.BaseAddress);

        var signedIn = await client.SignInAsync();
        var cookie = Assert.Single(client.SetCookieHeaders, header => header.StartsWith("__Host-devops90-session=", StringComparison.Ordinal));
        var list = await (await client.GetAsync("/dashboard")).Content.ReadAsStringAsync();
        var dashboard = await client.GetAsync("/dashboard/evenings");
        var html = await dashboard.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, signedIn);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"/dashboard/evenings\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/dashboard/console\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        foreach (var section in new[] { "chart", "summary", "streaks", "export", "deliveries", "settings" })
        {
            Assert.Contains($"<section id=\"{section}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Equal(0, host.Discord.RefusedVerifiers);
    }

    [Fact]
    public async Task SignIn_ModeratorByTheGroupsRole_GetsIn_AMember_IsKeptOut()
    {
        await using var host = await DashboardHost.StartAsync();
        using var roleHolder = new DashboardClient(host.Page.BaseAddress);
        using var member = new DashboardClient(host.Page.BaseAddress);
        using var stranger = new DashboardClient(host.Page.BaseAddress);

        host.Discord.NextUser = FakeDiscordUser.WithModeratorRole;
        await roleHolder.SignInAsync();
        host.Discord.NextUser = FakeDiscordUser.Member;
        await member.SignInAsync();

        Assert.Equal(HttpStatusCode.OK, (await roleHolder.GetAsync("/dashboard/evenings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/dashboard/evenings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/dashboard/evenings/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/dashboard/evenings")).StatusCode);
    }

    [Fact]
    public async Task Callback_StateNotTheOneSent_IsRefused()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = new DashboardClient(host.Page.BaseAddress);
        await client.GetAsync("/dashboard/signin/discord");

        var forged = await client.GetAsync("/dashboard/signin/discord/callback?code=anything&state=forged");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(client.SetCookieHeaders, header => header.StartsWith("__Host-devops90-session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeSetting_StreakFreezes_OfferedByTheForm_CheckedAsByCohort()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = new DashboardClient(host.Page.BaseAddress);
        await client.SignInAsync();
        var page = await (await client.GetAsync("/dashboard/evenings")).Content.ReadAsStringAsync();
        var csrf = DashboardClient.Csrf(page);

        var tooMany = await client.PostAsync("/dashboard/evenings/settings", [new("action", "freeze-max"), new("value", "11"), new("csrf", csrf)]);
        var every = await client.PostAsync("/dashboard/evenings/settings", [new("action", "freeze-every"), new("value", "14"), new("csrf", csrf)]);
        var held = await client.PostAsync("/dashboard/evenings/settings", [new("action", "freeze-max"), new("value", "1"), new("csrf", csrf)]);

        Assert.Contains("<option value=\"freeze-every\">", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"freeze-max\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("11", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (every.StatusCode, held.StatusCode));
        Assert.Equal((14, 1), (host.Cohort.FreezeEvery, host.Cohort.FreezeMax));
    }

    [Fact]
    public async Task ChangeSetting_WithTheFormsToken_SavesAndReschedulesThePost_WithoutIt_IsRefused()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = new DashboardClient(host.Page.BaseAddress);
        await client.SignInAsync();
        var csrf = DashboardClient.Csrf(await (await client.GetAsync("/dashboard/evenings")).Content.ReadAsStringAsync());

        var forged = await client.PostAsync("/dashboard/evenings/settings", [new("action", "time"), new("value", "07:30"), new("csrf", "0000")]);
        var wrong = await client.PostAsync("/dashboard/evenings/settings", [new("action", "time"), new("value", "25:99"), new("csrf", csrf)]);
        var saved = await client.PostAsync("/dashboard/evenings/settings", [new("action", "time"), new("value", "07:30"), new("csrf", csrf)]);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("25:99", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(new TimeOnly(7, 30), host.Cohort.PostTime);
        var scheduler = await host.Page.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var cron = await Scheduling.SchedulingHost.WaitForAsync(async () =>
            await scheduler.GetTrigger(CohortSchedules.TriggerKeyOf(PostSlot.Of(host.Cohort))) is ICronTrigger trigger
            && trigger.CronExpressionString == CohortSchedules.CronOf(PostSlot.Of(host.Cohort)) ? trigger.CronExpressionString : null);
        Assert.Equal(CohortSchedules.CronOf(PostSlot.Of(host.Cohort)), cron);
    }

    [Fact]
    public async Task ChangeSetting_AfterTheServerTookTheModeratorsRightAway_IsRefused_AndTheGroupLeavesTheSession()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = new DashboardClient(host.Page.BaseAddress);
        await client.SignInAsync();
        var csrf = DashboardClient.Csrf(await (await client.GetAsync("/dashboard/evenings")).Content.ReadAsStringAsync());
        var before = host.Cohort.PostTime;

        host.Discord.Change(FakeDiscordUser.Moderator with { Permissions = "0" });
        var refused = await client.PostAsync("/dashboard/evenings/settings", [new("action", "time"), new("value", "07:30"), new("csrf", csrf)]);
        var page = await client.GetAsync("/dashboard/evenings");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, host.Cohort.PostTime);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task Export_AfterTheGroupStoppedNamingTheModeratorsRole_IsRefused()
    {
        await using var host = await DashboardHost.StartAsync();
        host.Discord.NextUser = FakeDiscordUser.WithModeratorRole;
        using var client = new DashboardClient(host.Page.BaseAddress);
        await client.SignInAsync();
        var allowed = await client.GetAsync("/dashboard/evenings/export.csv");

        await host.Page.Host.Services.GetRequiredService<CohortRegistry>().SaveAsync(host.Cohort with { Moderators = [] });
        var refused = await client.GetAsync("/dashboard/evenings/export.csv");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ChangeSetting_AfterTheModeratorDeauthorisedTheApp_IsRefused()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = new DashboardClient(host.Page.BaseAddress);
        await client.SignInAsync();
        var csrf = DashboardClient.Csrf(await (await client.GetAsync("/dashboard/evenings")).Content.ReadAsStringAsync());

        host.Discord.Deauthorize();
        var refused = await client.PostAsync("/dashboard/evenings/settings", [new("action", "time"), new("value", "07:30"), new("csrf", csrf)]);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(new TimeOnly(7, 30), host.Cohort.PostTime);
    }

    [Fact]
    public async Task Export_Moderator_DownloadsTheGroupsCheckInsAsCsv()
    {
        await using var host = await DashboardHost.StartAsync();
        await host.Page.Participation.CheckInAsync(host.Cohort, "discord:123", 7, "Someone");
        using var client = new DashboardClient(host.Page.BaseAddress);
        await client.SignInAsync();

        var export = await client.GetAsync("/dashboard/evenings/export.csv");
        var csv = await export.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("discord:123", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_MoreThanTenAMinuteFromOneAddress_IsRateLimited()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = new DashboardClient(host.Page.BaseAddress);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            statuses.Add((await client.GetAsync("/dashboard/signin/discord")).StatusCode);
        }

        Assert.All(statuses.Take(10), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
