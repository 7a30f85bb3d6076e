using DevOps90.Bot.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.Cli;

/// <summary><c>preview</c> on the default settings: the console cohort starts 2027-01-01, posts at 18:00 Paris time, in French.</summary>
public sealed class PreviewCommandTests
{
    [Fact]
    public async Task Run_EveOfDayFive_PrintsTomorrowsLessonWithNextPostTime()
    {
        var (exitCode, output) = await PreviewAsync("2027-01-04");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("console → console:console · 2027-01-04 18:00 Europe/Paris", output, StringComparison.Ordinal);
        Assert.Contains("Demain — Jour 5 : ", output, StringComparison.Ordinal);
        Assert.Contains("https://github.com/MichaelCade/90DaysOfDevOps/blob/main/2022/Days/day05.md", output, StringComparison.Ordinal);
        Assert.Contains("Prochain message : mardi 5 janvier 18:00 (Europe/Paris)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LastDay_PrintsTheClosingPost()
    {
        var (_, output) = await PreviewAsync("2027-03-31");

        Assert.Contains("Et voilà les 90 jours !", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AfterTheEnd_SaysThereIsNoPost()
    {
        var (exitCode, output) = await PreviewAsync("2027-04-02");

        Assert.Equal(0, exitCode);
        Assert.Equal("Pas de message le vendredi 2 avril, et aucun n'est prévu ensuite.", output.Trim());
    }

    [Fact]
    public async Task Run_NoDate_UsesTodayInTheCohortsZone()
    {
        // 23:30 UTC on 31 December is already 1 January in Paris: the post that evening announces day 2.
        var (_, output) = await PreviewAsync(null, now: "2026-12-31T23:30:00Z");

        Assert.Contains("Demain — Jour 2 : ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody", null, "No cohort 'nobody'. Known: console.")]
    [InlineData(null, "04/01/2027", "'04/01/2027' is not a date like 2027-01-01.")]
    public async Task Run_BadArguments_ExplainAndExitTwo(string? cohort, string? date, string message)
    {
        var (exitCode, output) = await PreviewAsync(date, cohort: cohort);

        Assert.Equal(2, exitCode);
        Assert.Equal(message, output.Trim());
    }

    private static async Task<(int ExitCode, string Output)> PreviewAsync(string? date, string? cohort = null, string now = "2027-01-02T12:00:00Z")
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        await using var host = new TestHost(overrides: services => services.AddSingleton<TimeProvider>(clock));
        var app = host.App;
        using var output = new StringWriter();
        var exitCode = await PreviewCommand.RunAsync(app.Services, cohort, date, output);
        return (exitCode, output.ToString());
    }
}
