using System.Net;
using System.Net.Sockets;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Tests.LocalConsole;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>A start that fails while a post is due sends nothing; the next start sends that post once.</summary>
public sealed class FailedStartTests
{
    private static readonly TimeZoneInfo _paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Start_PortTakenWhileAPostIsDue_SendsNothing_AndTheNextStartSendsItOnce()
    {
        using var data = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var now = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), _paris).DateTime;
        string[] cohort = [$"--Cohorts:0:StartDate={now.AddDays(-6):yyyy-MM-dd}", $"--Cohorts:0:PostTime={now.AddHours(-1):HH:mm:ss}"];
        var failed = new SynchronizedStringWriter();
        await using (var first = BotHost.Build(
            [$"--Urls=http://127.0.0.1:{port}", $"--Storage:DataDirectory={data.Path}", .. cohort],
            services => services.AddSingleton(new ConsoleIO(new StringReader(""), failed, isInteractive: false))))
        {
            await Assert.ThrowsAsync<IOException>(() => first.StartAsync());
            var scheduler = await first.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
            Assert.Equal(Quartz.SchedulerStatus.Created, scheduler.Status);
            await first.StopAsync();
            var ledger = first.Services.GetRequiredService<IDeliveryLedger>();
            Assert.Empty(await ledger.RecentAsync(new CohortId("console"), 5));
        }

        Assert.DoesNotContain("Demain — Jour", failed.ToString(), StringComparison.Ordinal);

        var output = new SynchronizedStringWriter();
        await using var second = BotHost.Build(
            [.. TestHost.Settings(data.Path), .. cohort],
            services => services.AddSingleton(new ConsoleIO(new StringReader(""), output, isInteractive: false)));
        await second.StartAsync();
        var started = await second.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var text = await output.WaitForAsync("Demain — Jour", TimeSpan.FromSeconds(20));
        var recent = await WaitForSentAsync(second.Services.GetRequiredService<IDeliveryLedger>());
        var running = await WaitForAsync(() => started.Status == Quartz.SchedulerStatus.Running);
        await second.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Contains("Demain — Jour", text, StringComparison.Ordinal);
        Assert.True(running, "the scheduler did not start with the host");
        var sent = Assert.Single(recent);
        Assert.Equal((DeliveryState.Sent, 1), (sent.State, sent.Attempts));
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        return condition();
    }

    private static async Task<IReadOnlyList<DeliveryRecord>> WaitForSentAsync(IDeliveryLedger ledger)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var recent = await ledger.RecentAsync(new CohortId("console"), 5);
            if (recent.Any(record => record.State == DeliveryState.Sent))
            {
                return recent;
            }

            await Task.Delay(50);
        }

        return [];
    }
}
