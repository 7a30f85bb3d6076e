using System.Globalization;
using DevOps90.Bot.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.Cli;

/// <summary><c>cohorts list</c> on the default settings (the console cohort: 2022 in French, from 2027-01-01 at 18:00 in Paris) and a second group.</summary>
public sealed class CohortsCommandLineTests
{
    [Fact]
    public async Task List_TwoCohorts_ShowsEachWithItsNextPostInLocalTimeAndUtc()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T10:00:00Z", CultureInfo.InvariantCulture));
        await using var host = new TestHost(
            [
                "--Cohorts:1:Id=tokyo", "--Cohorts:1:StartDate=2027-02-01", "--Cohorts:1:TimeZone=Asia/Tokyo",
                "--Cohorts:1:PostTime=07:30", "--Cohorts:1:PostTiming=SameDay", "--Cohorts:1:Target=console:tokyo",
            ],
            services => services.AddSingleton<TimeProvider>(clock));
        await host.Services.GetRequiredService<StartupTasks>().RunAsync();
        var output = new StringWriter();

        var exitCode = await CohortsCommandLine.ListAsync(host.Services, output);

        Assert.Equal(0, exitCode);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("id", lines[0], StringComparison.Ordinal);
        var console = Assert.Single(lines, line => line.StartsWith("console ", StringComparison.Ordinal));
        Assert.Contains("Europe/Paris", console, StringComparison.Ordinal);
        // Day 3 at 11:00 in Paris: the evening post at 18:00 announces day 4.
        Assert.Contains("2027-01-03 18:00 (day 4)", console, StringComparison.Ordinal);
        Assert.Contains("2027-01-03 17:00", console, StringComparison.Ordinal);
        var tokyo = Assert.Single(lines, line => line.StartsWith("tokyo ", StringComparison.Ordinal));
        Assert.Contains("2027-02-01 07:30 (day 1)", tokyo, StringComparison.Ordinal);
        Assert.Contains("2027-01-31 22:30", tokyo, StringComparison.Ordinal);
    }
}
