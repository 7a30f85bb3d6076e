using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Scheduling;
using DevOps90.Bot.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Quartz;
using Xunit.Abstractions;

namespace DevOps90.Bot.Browser.Tests;

/// <summary>The moderators' dashboard in a browser: signing in with (a fake) Discord, who gets in, and a change of setting.</summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 800)]
    public async Task Moderator_SignsInWithDiscord_AndSeesTheGroupsDashboard(string device, int width, int height)
    {
        await RunAsync(FakeDiscordUser.Moderator, width, height, async (page, host) =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "evenings" }).ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("evenings");
            await Assertions.Expect(page.Locator("#chart svg.chart")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#settings select#action")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor($"dashboard-{device}", output), FullPage = true });
        });
    }

    [SkippableFact]
    public async Task Member_SignsIn_AndIsKeptOutOfTheGroupsDashboard()
    {
        await RunAsync(FakeDiscordUser.Member, 390, 844, async (page, host) =>
        {
            await Assertions.Expect(page.Locator("#groups")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#groups a")).ToHaveCountAsync(0);

            var response = await page.GotoAsync(page.Url + "/evenings");

            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("#denied [role=alert]")).ToBeVisibleAsync();
        });
    }

    [SkippableFact]
    public async Task Moderator_ChangesThePostTime_AndTheScheduleFollows()
    {
        await RunAsync(FakeDiscordUser.Moderator, 1280, 800, async (page, host) =>
        {
            await page.GotoAsync(page.Url + "/evenings");

            await page.Locator("#action").SelectOptionAsync("time");
            await page.Locator("#value").FillAsync("07:30");
            await page.Locator("#settings button[type=submit]").ClickAsync();

            await Assertions.Expect(page.Locator(".saved")).ToBeVisibleAsync();
            Assert.Equal(new TimeOnly(7, 30), host.Cohort.PostTime);
            var scheduler = await host.Page.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var cron = await DevOps90.Bot.Tests.Scheduling.SchedulingHost.WaitForAsync(async () =>
                await scheduler.GetTrigger(CohortSchedules.TriggerKeyOf(PostSlot.Of(host.Cohort))) is ICronTrigger trigger
                && trigger.CronExpressionString == CohortSchedules.CronOf(PostSlot.Of(host.Cohort)) ? trigger.CronExpressionString : null);
            Assert.NotNull(cron);
        });
    }

    /// <summary>Opens the dashboard, signs in as <paramref name="user"/> through the fake Discord, then runs the test.</summary>
    private static async Task RunAsync(FakeDiscordUser user, int width, int height, Func<IPage, DashboardHost, Task> test)
    {
        var (playwright, browser) = await InstalledChromium.LaunchAsync();
        await using var host = await DashboardHost.StartAsync(publicAddress: false);
        host.Discord.NextUser = user;
        try
        {
            var page = await InstalledChromium.NewPageAsync(browser, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            await page.GotoAsync(new Uri(host.Page.BaseAddress, "/dashboard").ToString());
            await page.Locator("#signin a.button").ClickAsync();
            // Signed in once the list of groups shows. Not WaitForURL: the signed-out page is /dashboard too, so it
            // matched before the sign-in's navigation had begun, then waited for a load state that navigation replaced
            // (on a loaded machine: 90 s, then a timeout).
            await Assertions.Expect(page.Locator("#groups")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(host.Page.BaseAddress, "/dashboard").ToString());

            await test(page, host);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
