using Dapper;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Quartz;

namespace DevOps90.Bot.Tests.Scheduling;

/// <summary>
/// Quartz's store in the bot's database: on PostgreSQL (Storage:Provider=Postgres) clustered, beside the bot's schema;
/// configured through the host builder, so a Quartz section applies too.
/// </summary>
public sealed class QuartzStoreTests
{
    [Fact]
    public async Task Start_QuartzSection_AppliesBesideTheBotsStore()
    {
        await using var host = new TestHost(["--Quartz:Scheduler:InstanceName=devops90-custom"], SchedulingHost.Console(TextWriter.Null, TimeProvider.System));

        await host.App.StartAsync();
        await SchedulingHost.WaitUntilRunningAsync(host.Services);
        var metadata = await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetMetadata();
        await host.App.StopAsync();

        Assert.Equal("devops90-custom", metadata.SchedulerName);
        Assert.True(metadata.JobStorePersistent, "the scheduler lost its persistent store");
        Assert.False(metadata.JobStoreClustered, "one SQLite file serves one instance: no cluster");
    }

    [SkippableFact]
    public async Task Start_OnPostgres_MigratesAndSchedulesInAClusteredStore()
    {
        var skip = await TestPostgres.SkipReasonAsync();
        Skip.If(skip is not null, skip);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var host = new TestHost(Settings(database), SchedulingHost.Console(TextWriter.Null, TimeProvider.System));

        await host.App.StartAsync();
        await SchedulingHost.WaitUntilRunningAsync(host.Services);
        var metadata = await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetMetadata();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var cron = await connection.QuerySingleOrDefaultAsync<string>("SELECT cron_expression FROM qrtz_cron_triggers WHERE trigger_name = '18:00:00 Europe/Paris'");
        await host.App.StopAsync();

        Assert.Equal("postgres", host.Services.GetRequiredService<IDatabase>().Dialect.Name);
        Assert.Equal(MigrationRunner.For("postgres").Count, await MigrationsAppliedAsync(database));
        Assert.True(metadata.JobStoreClustered, "the scheduler is not clustered");
        Assert.NotEqual("NON_CLUSTERED", metadata.SchedulerInstanceId);
        Assert.Equal("0 0 18 * * ?", cron);
    }

    [SkippableFact]
    public async Task Ready_OnPostgres_NamesTheClusterCheckin_AndFailsOnceItIsOlderThanTheMisfireThreshold()
    {
        var skip = await TestPostgres.SkipReasonAsync();
        Skip.If(skip is not null, skip);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        // Check-ins ten minutes apart: the one made at the start is the only one during the test.
        await using var host = new TestHost([.. Settings(database), "--Cluster:CheckinInterval=00:10:00"], SchedulingHost.Console(TextWriter.Null, TimeProvider.System));
        using var client = new HttpClient();
        await host.App.StartAsync();
        await SchedulingHost.WaitUntilRunningAsync(host.Services);

        var fresh = await SchedulerCheckAsync(client, host);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.ExecuteAsync("UPDATE qrtz_scheduler_state SET last_checkin_time = @Ticks", new { Ticks = TimeProvider.System.GetUtcNow().AddMinutes(-5).UtcTicks });
        }

        var stale = await SchedulerCheckAsync(client, host);
        await host.App.StopAsync();

        Assert.Equal("Healthy", fresh.Status);
        Assert.Matches("in a cluster; last check-in [0-9] s ago$", fresh.Description);
        Assert.Equal("Unhealthy", stale.Status);
        Assert.Matches("last check-in 30[0-9] s ago, over the 20 s after which the other instances take its schedules over$", stale.Description);
    }

    private static async Task<(string Status, string Description)> SchedulerCheckAsync(HttpClient client, TestHost host)
    {
        using var response = await client.GetAsync(host.App.Urls.First() + "/healthz/ready");
        var check = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!["scheduler"]!;
        return (check["status"]!.GetValue<string>(), check["description"]!.GetValue<string>());
    }

    /// <summary>
    /// Starts the hosts and waits until their schedulers run, moving a fake clock on meanwhile: a clustered store's
    /// first lock waits a second of Quartz's clock (it creates the lock row, then tries again), and the start
    /// schedules the cohorts under that lock.
    /// </summary>
    internal static async Task StartOnFakeClockAsync(FakeTimeProvider clock, params WebApplication[] hosts)
    {
        var starting = Task.WhenAll(hosts.Select(host => host.StartAsync()));
        var schedulers = new List<IScheduler>();
        foreach (var host in hosts)
        {
            schedulers.Add(await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler());
        }

        for (var attempt = 0; attempt < 400 && !(starting.IsCompleted && schedulers.All(scheduler => scheduler.Status == SchedulerStatus.Running)); attempt++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(25);
        }

        await starting;
        Assert.All(schedulers, scheduler => Assert.Equal(SchedulerStatus.Running, scheduler.Status));
    }

    internal static string[] Settings(TestPostgresDatabase database) =>
        ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={database.ConnectionString}"];

    internal static async Task<long> MigrationsAppliedAsync(TestPostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version");
    }

    /// <summary>The schedulers that have checked in to the cluster.</summary>
    internal static async Task<long> SchedulerInstancesAsync(TestPostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_scheduler_state");
    }
}
