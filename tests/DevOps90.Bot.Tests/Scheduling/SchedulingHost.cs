using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.LocalConsole;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

    /// <summary>The console's place taken by <paramref name="platform"/>, on <paramref name="clock"/>.</summary>
    public static Action<IServiceCollection> Gated(GatedPublisher platform, TimeProvider clock) => services =>
    {
        Console(TextWriter.Null, clock)(services);
        services.RemoveAll<IChatPublisher>();
        services.AddSingleton<IChatPublisher>(platform);
    };

    /// <summary>The scheduler starts once the host has; the clock may move only then.</summary>
    public static async Task WaitUntilRunningAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await WaitForAsync(() => Task.FromResult<object?>(scheduler.Status == SchedulerStatus.Running ? true : null));
        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
    }

    /// <summary>
    /// <paramref name="count"/> cohorts like the bundled console one (day 1 on 2027-01-01), each in a console channel
    /// of its own ("group-1" …), posting at <paramref name="postTime"/> in <paramref name="timeZone"/>; settings
    /// indexes and ids from <paramref name="first"/> on.
    /// </summary>
    public static string[] ConsoleCohorts(int count, string postTime = "18:00", string timeZone = "Europe/Paris", int first = 1) =>
    [
        .. Enumerable.Range(first, count).SelectMany(number => new[]
        {
            $"--Cohorts:{number}:Id=group-{number}",
            $"--Cohorts:{number}:StartDate=2027-01-01",
            $"--Cohorts:{number}:TimeZone={timeZone}",
            $"--Cohorts:{number}:PostTime={postTime}",
            $"--Cohorts:{number}:Target=console:group-{number}",
        }),
    ];

    /// <summary>The names of every trigger in the scheduler, whatever its group, in order.</summary>
    public static async Task<List<string>> TriggerNamesAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return [.. (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup())).Select(key => key.Name).Order(StringComparer.Ordinal)];
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
