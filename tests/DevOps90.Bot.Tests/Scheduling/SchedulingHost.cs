using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.LocalConsole;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>What the tests of the real host's scheduling share: the console and the clock, and waiting for things.</summary>
internal static class SchedulingHost
{
    /// <summary>The console writing to <paramref name="output"/>, and the host (Quartz included) on <paramref name="clock"/>.</summary>
    public static Action<IServiceCollection> Console(TextWriter output, TimeProvider clock) => services =>
    {
        services.AddSingleton(new ConsoleIO(new StringReader(""), output, isInteractive: false));
        services.AddSingleton(clock);
    };

    /// <summary>The scheduler starts once the host has; the clock may move only then.</summary>
    public static async Task WaitUntilRunningAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await WaitForAsync(() => Task.FromResult<object?>(scheduler.Status == SchedulerStatus.Running ? true : null));
        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
    }

    /// <summary>The ledger's line for <paramref name="post"/> of <paramref name="cohort"/> once it says sent; null before.</summary>
    public static async Task<DeliveryRecord?> SentAsync(IServiceProvider services, string post, string cohort = "console") =>
        await services.GetRequiredService<IDeliveryLedger>().FindAsync(new DeliveryKey(new CohortId(cohort), post)) is { State: DeliveryState.Sent } record ? record : null;

    /// <summary>What <paramref name="read"/> finds within 30 s (real time), or null.</summary>
    public static async Task<T?> WaitForAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        for (var attempt = 0; attempt < 300; attempt++)
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
