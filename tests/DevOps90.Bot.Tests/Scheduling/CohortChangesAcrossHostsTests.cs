using System.Globalization;
using Dapper;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Testing;
using DevOps90.Bot.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static DevOps90.Bot.Tests.Scheduling.SchedulingHost;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>
/// Two bot hosts on one PostgreSQL database: a cohort changed on one is what the other answers by (its registry,
/// told through LISTEN/NOTIFY) and what the shared, clustered schedule fires by.
/// </summary>
public sealed class CohortChangesAcrossHostsTests
{
    private static readonly CohortId Console = new("console");

    // Generous: a bound for a broken path to fail on, not a speed to meet.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task Change_OnOneHost_IsWhatTheOtherAnswersAndTheSharedScheduleFiresBy()
    {
        var skip = await TestPostgres.SkipReasonAsync();
        Skip.If(skip is not null, skip);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var data = new TempFolder();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-07T10:00:00Z", CultureInfo.InvariantCulture));
        string[] settings = [.. TestHost.Settings(data.Path), .. QuartzStoreTests.Settings(database)];
        await using var one = BotHost.Build(settings, SchedulingHost.Console(TextWriter.Null, clock));
        await using var two = BotHost.Build(settings, SchedulingHost.Console(TextWriter.Null, clock));
        await QuartzStoreTests.StartOnFakeClockAsync(clock, one, two);
        var here = one.Services.GetRequiredService<CohortRegistry>();
        var there = two.Services.GetRequiredService<CohortRegistry>();
        var moved = Awaiting(there, cohort => cohort?.PostTime == new TimeOnly(7, 30));
        var paused = Awaiting(here, cohort => cohort is null || cohort.IsPaused);

        await here.UpdateAsync(Console, cohort => cohort with { PostTime = new TimeOnly(7, 30) });
        await moved.WaitAsync(Patience);
        var cron = await WaitForAsync(() => CronAsync(database, "0 30 7 * * ?"));
        await there.UpdateAsync(Console, cohort => cohort.PausedFrom(new DateOnly(2027, 1, 7)));
        await paused.WaitAsync(Patience);
        var noTrigger = await WaitForAsync(() => CronAsync(database, null));
        await Task.WhenAll(one.StopAsync(), two.StopAsync());

        Assert.Equal(new TimeOnly(7, 30), there.Find(Console)!.PostTime);
        Assert.NotNull(cron);
        Assert.True(here.Find(Console)!.IsPaused);
        Assert.NotNull(noTrigger);
    }

    private static Task Awaiting(CohortRegistry registry, Func<Cohort?, bool> wanted)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        registry.Changed += change =>
        {
            if (change.Id == Console && wanted(change.Cohort))
            {
                seen.TrySetResult();
            }
        };
        return seen.Task;
    }

    /// <summary>True once the console group's shared trigger has <paramref name="expected"/> as its cron (null: no trigger).</summary>
    private static async Task<object?> CronAsync(TestPostgresDatabase database, string? expected)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        // The console group is the only one: its post slot's trigger is the only one in the group.
        var crons = (await connection.QueryAsync<string>("SELECT cron_expression FROM qrtz_cron_triggers WHERE trigger_group = 'daily-post-slots'")).ToList();
        return crons.SequenceEqual(expected is null ? [] : [expected]) ? true : null;
    }
}
