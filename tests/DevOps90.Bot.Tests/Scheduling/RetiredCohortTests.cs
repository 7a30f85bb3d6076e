using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Scheduling;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>A cohort taken out of the settings stops: no schedule after the next start, and no post.</summary>
public sealed class RetiredCohortTests
{
    [Fact]
    public async Task Restart_CohortRemovedFromTheSettings_HasNoScheduleAndIsNotServed()
    {
        using var data = new TempFolder();
        string[] second = ["--Cohorts:1:Id=evening", "--Cohorts:1:StartDate=2027-01-01", "--Cohorts:1:TimeZone=America/New_York", "--Cohorts:1:Target=console:evening"];
        await using (var first = Build(data, second))
        {
            await first.StartAsync();
            var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            Assert.NotNull(await scheduler.GetTrigger(CohortSchedules.TriggerKeyOf(new PostSlot("America/New_York", new TimeOnly(18, 0)))));
            await first.StopAsync();
        }

        await using var restarted = Build(data, []);
        await restarted.StartAsync();
        var registry = restarted.Services.GetRequiredService<CohortRegistry>();
        var triggers = await (await restarted.Services.GetRequiredService<ISchedulerFactory>().GetScheduler())
            .GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(CohortSchedules.Group));
        await restarted.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal(["23:59:00 Europe/Paris"], triggers.Select(key => key.Name));
        Assert.Equal([new CohortId("console")], registry.All.Select(cohort => cohort.Id));
        var retired = Assert.Single(registry.Inactive);
        Assert.Equal((new CohortId("evening"), CohortStatus.Retired), (retired.Cohort.Id, retired.Status));
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(TempFolder data, string[] settings) =>
        BotHost.Build(
            [.. TestHost.Settings(data.Path), "--Cohorts:0:PostTime=23:59:00", .. settings],
            services => services.AddSingleton(new ConsoleIO(new StringReader(""), TextWriter.Null, isInteractive: false)));
}
