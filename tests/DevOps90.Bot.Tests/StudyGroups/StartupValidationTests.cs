using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Tests.StudyGroups;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task Start_BadCohortTimeZone_StopsNamingTheKey()
    {
        await using var host = new TestHost(["--Cohorts:0:TimeZone=Paris"]);
        var app = host.App;

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Cohorts:0:TimeZone: 'Paris' is not an IANA time zone", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CohortOfAnUnloadedCurriculum_StopsNamingTheKey()
    {
        await using var host = new TestHost(["--Cohorts:0:Curriculum=1999"]);
        var app = host.App;

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Cohorts:0:Curriculum: '1999' is not loaded (loaded: 2022)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadDefaultTimeZone_StopsNamingTheKey()
    {
        await using var host = new TestHost(["--Bot:DefaultTimeZone=Mars/Olympus"]);
        var app = host.App;

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Bot:DefaultTimeZone", exception.Message, StringComparison.Ordinal);
    }
}
