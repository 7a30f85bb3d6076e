using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Reminders;
using Microsoft.Extensions.Options;
using Quartz;

namespace DevOps90.Bot.Scheduling;

public static class SchedulingSetup
{
    /// <summary>
    /// Daily posts: the delivery service and the dispatcher's workers that send, Quartz with its persistent store in the
    /// bot's database (tables created when missing; clustered on PostgreSQL), one trigger per post slot (time of day and
    /// time zone) kept in step with the cohorts, and the reconciliation loop.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder, string baseDirectory)
    {
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<SchedulingOptions>()
            .Bind(builder.Configuration.GetSection(SchedulingOptions.SectionName));
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsAttributeValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SchedulingOptions>>().Value.ToDeliveryOptions());
        services.AddSingleton<DailyPostService>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<PostSlotFanout>();
        services.AddSingleton<CohortSchedules>();
        services.AddSingleton<LeaderboardRefresh>();

        // Through the host builder, so Quartz's own settings (the "Quartz" section) apply as well.
        var store = builder.AddQuartzStore(baseDirectory);
        builder.AddQuartz(quartz =>
        {
            if (store is not null)
            {
                quartz.UsePersistentStore(store);
            }
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            // No post before the host has fully started: a start that fails later must not have sent one. The
            // synchronizer starts the scheduler then. (Quartz's AwaitApplicationStarted would do the waiting, but its
            // stop then hangs for the whole shutdown timeout when the start failed.)
            options.AutoStart = false;
        });
        services.AddHostedService<DeliveryWorkers>();
        services.AddHostedService<ScheduleSynchronizer>();
        services.AddHostedService<ReconciliationService>();
        services.AddSingleton(provider => new ReminderOptions { Concurrency = provider.GetRequiredService<IOptions<SchedulingOptions>>().Value.ReminderConcurrency });
        services.AddSingleton<ReminderRound>();
        services.AddHostedService<ReminderWorker>();
        return builder;
    }
}
