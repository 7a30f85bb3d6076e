using Deque.AxeCore.Playwright;
using DevOps90.Bot.Tests.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DevOps90.Bot.Browser.Tests;

/// <summary>The public page of a seeded group as a visitor's browser shows it, at phone and desktop widths.</summary>
public sealed class GroupPageBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, int> Widths => new() { { "phone", 390, 844 }, { "desktop", 1280, 800 } };

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task Page_ShowsTodaysLessonAndTheLeaderboard_InTheVisitorsZone(string device, int width, int height)
    {
        var (playwright, browser) = await InstalledChromium.LaunchAsync();
        await using var seeded = await SeededGroupPage.StartAsync();
        try
        {
            // A visitor in New York: the 18:00 Paris post is at noon for them.
            var page = await InstalledChromium.NewPageAsync(browser, new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
                TimezoneId = "America/New_York",
                Locale = "fr-FR",
            });

            var response = await page.GotoAsync(new Uri(seeded.BaseAddress, "/groups/console").ToString());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor($"group-page-{device}", output), FullPage = true });

            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("#today h3")).ToContainTextAsync("Jour 7");
            await Assertions.Expect(page.Locator("#leaderboard tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#leaderboard tbody tr").First).ToContainTextAsync(SeededGroupPage.HostileName);
            await Assertions.Expect(page.Locator("#post time[data-localised]")).ToContainTextAsync("12:00");
            await Assertions.Expect(page.Locator("#post time")).ToContainTextAsync("America/New_York");
            // Nothing wider than the screen: a phone reads it without scrolling sideways.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [SkippableFact]
    public async Task Page_WithoutJavaScript_ShowsTheGroupsOwnTime()
    {
        var (playwright, browser) = await InstalledChromium.LaunchAsync();
        await using var seeded = await SeededGroupPage.StartAsync();
        try
        {
            var page = await InstalledChromium.NewPageAsync(browser, new BrowserNewContextOptions { JavaScriptEnabled = false, TimezoneId = "America/New_York" });

            await page.GotoAsync(new Uri(seeded.BaseAddress, "/groups/console").ToString());

            await Assertions.Expect(page.Locator("#post time")).ToHaveTextAsync("jeudi 7 janvier 18:00 (Europe/Paris)");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Page_InLightAndDark_HasNoAccessibilityViolations(string scheme)
    {
        var (playwright, browser) = await InstalledChromium.LaunchAsync();
        await using var seeded = await SeededGroupPage.StartAsync();
        try
        {
            var page = await InstalledChromium.NewPageAsync(browser, new BrowserNewContextOptions
            {
                ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            });
            await page.GotoAsync(new Uri(seeded.BaseAddress, "/groups/console").ToString());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor($"group-page-phone-{scheme}", output), FullPage = true });

            var results = await page.RunAxe();

            Assert.Empty(results.Violations.Select(violation => $"{violation.Id}: {violation.Help} ({violation.Nodes.Length} elements)"));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
