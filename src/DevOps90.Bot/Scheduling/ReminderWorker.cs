using DevOps90.Bot.Core.Reminders;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Once the host has fully started, and every <see cref="SchedulingOptions.ReminderInterval"/> after (a minute),
/// sends the reminders that are due: one periodic round per instance rather than a trigger per member, with the
/// reminders' ledger deciding which instance sends each. A round longer than the interval delays the next.
/// </summary>
internal sealed partial class ReminderWorker(
    ReminderRound round,
    IOptions<SchedulingOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ReminderWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(
            lifetime,
            options.Value.ReminderInterval,
            time,
            RoundAsync,
            exception => LogRoundFailed(logger, exception),
            stoppingToken);

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        var result = await round.RunAsync(stoppingToken).ConfigureAwait(false);
        if (result.Due > 0)
        {
            LogRound(logger, result.Due, result.Sent, result.Closed, result.Failed, result.Skipped);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Due} due, {Sent} sent, {Closed} to members who take no private messages, {Failed} failed, {Skipped} not needed")]
    private static partial void LogRound(ILogger logger, int due, int sent, int closed, int failed, int skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
