using Microsoft.Playwright;

namespace DevOps90.Bot.Browser.Tests;

/// <summary>
/// Debian's Chromium, which Playwright drives in place of a browser of its own (none can be downloaded here). Absent,
/// the browser tests skip saying how to install it; under CI=true its absence is a failure.
/// </summary>
internal static class InstalledChromium
{
    private static readonly string[] _candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

    public static string? Path =>
        Environment.GetEnvironmentVariable("DEVOPS90_CHROMIUM") is { Length: > 0 } configured ? configured : _candidates.FirstOrDefault(File.Exists);

    /// <summary>Skips (or fails under CI) when there is no Chromium, else launches it headless.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = Path;
        if (path is null)
        {
            const string Missing = "Chromium is not installed (Debian: apt-get install -y chromium, or set DEVOPS90_CHROMIUM)";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), Missing);
            Skip.If(true, Missing);
        }

        // The machine is shared (two cores, other builds): waits are generous, since a slow page is not what is tested.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        // As root (containers, CI) Chromium refuses to start without --no-sandbox; the pages it opens are our own.
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"], Timeout = 120_000 });
        return (playwright, browser);
    }

    /// <summary>A page whose navigations and actions wait up to 90 s (see above).</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, BrowserNewContextOptions options)
    {
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }
}
