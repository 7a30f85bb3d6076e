using System.Globalization;
using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Scheduling;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Tests.LocalConsole;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>The real host, real Quartz and the console publisher, on the real clock: a post set a few seconds ahead appears.</summary>
public sealed class ScheduledPostTests
{
    private static readonly TimeZoneInfo _paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Run_PostTimeSecondsAhead_ThePostAppearsOnTheConsoleOnce()
    {
        var output = new SynchronizedStringWriter();
        var postAt = ParisNow().AddSeconds(3);
        await using var host = new TestHost(
            [$"--Cohorts:0:StartDate={postAt.AddDays(-6):yyyy-MM-dd}", $"--Cohorts:0:PostTime={postAt:HH:mm:ss}", "--Cohorts:0:MentionRole=devops-learners"],
            services => services.AddSingleton(new ConsoleIO(new StringReader(""), output, isInteractive: false)));

        await host.App.StartAsync();
        var text = await output.WaitForAsync("Demain — Jour 8", TimeSpan.FromSeconds(20));
        await Task.Delay(500);
        var record = await host.Services.GetRequiredService<IDeliveryLedger>().FindAsync(new DeliveryKey(new CohortId("console"), "day-8"));
        await host.App.StopAsync();

        Assert.Contains("@devops-learners", text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(output.ToString(), "Demain — Jour 8"));
        Assert.Equal(DeliveryState.Sent, record!.State);
        Assert.StartsWith("console-", record.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CohortWithALeaderboardMessage_PostsItAfterTheDailyPost_AndRemembersIt()
    {
        var output = new SynchronizedStringWriter();
        var postAt = ParisNow().AddSeconds(3);
        await using var host = new TestHost(
            [$"--Cohorts:0:StartDate={postAt.AddDays(-6):yyyy-MM-dd}", $"--Cohorts:0:PostTime={postAt:HH:mm:ss}", "--Cohorts:0:LeaderboardMessage=true"],
            services => services.AddSingleton(new ConsoleIO(new StringReader(""), output, isInteractive: false)));

        await host.App.StartAsync();
        var text = await output.WaitForAsync("Classement — depuis le début", TimeSpan.FromSeconds(20));
        var stored = await WaitForAsync(() => host.Services.GetRequiredService<Core.Participation.ILeaderboardMessageStore>().FindAsync(new CohortId("console")));
        await host.App.StopAsync();

        Assert.True(text.IndexOf("Demain — Jour 8", StringComparison.Ordinal) < text.IndexOf("Classement — depuis le début", StringComparison.Ordinal));
        Assert.Contains("validez vos jours avec /done", text, StringComparison.Ordinal);
        Assert.Equal(ChatTarget.Console, stored!.Target);
        Assert.StartsWith("console-", stored.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_ChangedPostTimeAtRunTime_ReschedulesAtOnce()
    {
        var output = new SynchronizedStringWriter();
        var now = ParisNow();
        await using var host = new TestHost(
            [$"--Cohorts:0:StartDate={now.AddDays(-6):yyyy-MM-dd}", $"--Cohorts:0:PostTime={now.AddHours(-1):HH:mm:ss}"],
            services => services.AddSingleton(new ConsoleIO(new StringReader(""), output, isInteractive: false)));
        await host.App.StartAsync();
        var registry = host.Services.GetRequiredService<CohortRegistry>();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var id = new CohortId("console");
        var before = await scheduler.GetTrigger(CohortSchedules.TriggerKeyOf(id));

        var postAt = ParisNow().AddSeconds(3);
        await registry.SaveAsync(registry.Find(id)! with { PostTime = TimeOnly.FromDateTime(postAt) });
        var text = await output.WaitForAsync("Demain — Jour 8", TimeSpan.FromSeconds(20));

        await registry.SaveAsync(registry.Find(id)!.PausedFrom(DateOnly.FromDateTime(postAt).AddDays(1)));
        var paused = await WaitForTriggerAsync(scheduler, id, present: false);
        await host.App.StopAsync();

        Assert.NotNull(before);
        Assert.Contains("Demain — Jour 8", text, StringComparison.Ordinal);
        Assert.True(paused, "pausing did not remove the trigger");
    }

    [Fact]
    public async Task Restart_TheScheduleIsKeptInTheDatabase()
    {
        using var data = new TempFolder();
        var now = ParisNow();
        string[] settings = [.. TestHost.Settings(data.Path), $"--Cohorts:0:StartDate={now.AddDays(-6):yyyy-MM-dd}", "--Cohorts:0:PostTime=23:59:00"];
        await using (var first = BotHost.Build(settings, services => services.AddSingleton(new ConsoleIO(new StringReader(""), TextWriter.Null, isInteractive: false))))
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data.Path, "devops90-bot.db")}");
        var cron = await connection.QuerySingleOrDefaultAsync<string>("SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'console'");
        var zone = await connection.QuerySingleOrDefaultAsync<string>("SELECT TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'console'");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal("0 59 23 * * ?", cron);
        Assert.Equal("Europe/Paris", zone);
    }

    [Fact]
    public async Task Run_TwoHostsOnOneDatabase_PostOnce()
    {
        using var data = new TempFolder();
        var postAt = ParisNow().AddSeconds(4);
        string[] settings = [.. TestHost.Settings(data.Path), $"--Cohorts:0:StartDate={postAt.AddDays(-6):yyyy-MM-dd}", $"--Cohorts:0:PostTime={postAt:HH:mm:ss}"];
        var first = new SynchronizedStringWriter();
        var second = new SynchronizedStringWriter();
        await using var one = BotHost.Build(settings, services => services.AddSingleton(new ConsoleIO(new StringReader(""), first, isInteractive: false)));
        await using var two = BotHost.Build(settings, services => services.AddSingleton(new ConsoleIO(new StringReader(""), second, isInteractive: false)));

        await Task.WhenAll(one.StartAsync(), two.StartAsync());
        await Task.Delay(TimeSpan.FromSeconds(8));
        await Task.WhenAll(one.StopAsync(), two.StopAsync());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal(1, CountOf(first.ToString() + second.ToString(), "Demain — Jour 8"));
    }

    private static DateTime ParisNow() => TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), _paris).DateTime;

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static async Task<bool> WaitForTriggerAsync(IScheduler scheduler, CohortId id, bool present)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await scheduler.GetTrigger(CohortSchedules.TriggerKeyOf(id)) is not null) == present)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static async Task<T?> WaitForAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await read() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }
}
