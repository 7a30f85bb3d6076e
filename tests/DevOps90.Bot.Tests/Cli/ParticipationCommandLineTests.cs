using DevOps90.Bot.Cli;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.Cli;

/// <summary><c>participation export</c> on the default settings: the console cohort starts 2027-01-01 in Paris.</summary>
public sealed class ParticipationCommandLineTests
{
    private static readonly DateTimeOffset _dayThree = DateTimeOffset.Parse("2027-01-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Export_ToAFile_WritesTheCsvAndSaysHowManyRows()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "export.csv");
        await using var host = await HostWithCheckInsAsync();
        var output = new StringWriter();

        var exitCode = await ParticipationCommandLine.ExportAsync(host.Services, new ParticipationCommandLine.ExportRequest(null, "2027-01-03", null, path), output);

        Assert.Equal(0, exitCode);
        Assert.Equal($"2 check-ins of console written to {path}", output.ToString().Trim());
        Assert.Equal(
            ["cohort,member_id,day,lesson_date,checked_in_utc,checked_in_local,late,shared_url", "console,ada,1,2027-01-01,2027-01-03T10:00:00Z,2027-01-03T11:00:00+01:00,true,", "console,ada,3,2027-01-03,2027-01-03T10:00:00Z,2027-01-03T11:00:00+01:00,false,"],
            await File.ReadAllLinesAsync(path));
    }

    [Theory]
    [InlineData("nope", null, "No cohort 'nope'. Known: console.")]
    [InlineData(null, "03/01/2027", "'03/01/2027' is not a date like 2027-01-31.")]
    public async Task Export_BadArguments_SayWhatIsWrongAndExitWith2(string? cohort, string? from, string message)
    {
        await using var host = await HostWithCheckInsAsync();
        var output = new StringWriter();

        var exitCode = await ParticipationCommandLine.ExportAsync(host.Services, new ParticipationCommandLine.ExportRequest(cohort, from, null, null), output);

        Assert.Equal(2, exitCode);
        Assert.Equal(message, output.ToString().Trim());
    }

    private static async Task<TestHost> HostWithCheckInsAsync()
    {
        var host = new TestHost(overrides: services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(_dayThree)));
        await host.Services.GetRequiredService<StartupTasks>().RunAsync();
        var cohort = host.Services.GetRequiredService<ICohortDirectory>().Find(new CohortId("console"))!;
        var participation = host.Services.GetRequiredService<ParticipationService>();
        await participation.CheckInAsync(cohort, "ada", 3);
        await participation.CheckInAsync(cohort, "ada", 1);
        return host;
    }
}
