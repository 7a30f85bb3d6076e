using System.Net;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Health;
using DevOps90.Bot.Health;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Sqlite;
using DevOps90.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DevOps90.Bot.Tests.Health;

/// <summary>The probes: live while the process serves HTTP; ready only when every part can do its work, naming what cannot.</summary>
public sealed class HealthEndpointTests : IDisposable
{
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Ready_StartedBot_Is200_WithEveryCheckHealthy()
    {
        await using var host = new TestHost();
        await host.App.StartAsync();
        await Scheduling.SchedulingHost.WaitUntilRunningAsync(host.Services);

        var (status, body) = await GetAsync(host, "/healthz/ready");
        var (liveStatus, live) = await GetAsync(host, "/healthz/live");
        await host.App.StopAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        var checks = body["checks"]!.AsObject();
        Assert.Equal(["content", "database", "platforms", "scheduler"], checks.Select(check => check.Key).Order());
        Assert.All(checks, check => Assert.Equal("Healthy", check.Value!["status"]!.GetValue<string>()));
        Assert.Contains("schema version", checks["database"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_AConnectionDown_Is503_NamingIt_WhileLiveStays200()
    {
        await using var host = new TestHost(overrides: services => services.AddSingleton<IConnectionReadiness>(new DownGateway()));
        await host.App.StartAsync();
        await Scheduling.SchedulingHost.WaitUntilRunningAsync(host.Services);

        var (status, body) = await GetAsync(host, "/healthz/ready");
        var (liveStatus, _) = await GetAsync(host, "/healthz/live");
        await host.App.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
        var platforms = body["checks"]!["platforms"]!;
        Assert.Equal("Unhealthy", platforms["status"]!.GetValue<string>());
        Assert.Contains("discord shard 0: reconnecting", platforms["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Healthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    [Fact]
    public async Task HealthVerb_ReadyBot_Exits0_DownConnection_Exits1_NoBot_Exits1()
    {
        await using var ready = new TestHost();
        await ready.App.StartAsync();
        await Scheduling.SchedulingHost.WaitUntilRunningAsync(ready.Services);
        await using var down = new TestHost(overrides: services => services.AddSingleton<IConnectionReadiness>(new DownGateway()));
        await down.App.StartAsync();
        await Scheduling.SchedulingHost.WaitUntilRunningAsync(down.Services);
        var output = new StringWriter();

        var whenReady = await DevOps90.Bot.Cli.HealthCommand.RunAsync(new Uri(ready.App.Urls.First() + "/healthz/ready"), output);
        var whenDown = await DevOps90.Bot.Cli.HealthCommand.RunAsync(new Uri(down.App.Urls.First() + "/healthz/ready"), output);
        await ready.App.StopAsync();
        await down.App.StopAsync();
        var whenStopped = await DevOps90.Bot.Cli.HealthCommand.RunAsync(new Uri(ready.App.Urls.First() + "/healthz/ready"), output);

        Assert.Equal((0, 1, 1), (whenReady, whenDown, whenStopped));
        Assert.Contains("503 ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("no answer from", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseCheck_SchemaNotMigrated_IsUnhealthy_SayingWhichVersionIsNeeded()
    {
        using var folder = new TempFolder();
        var database = SqliteDatabase.ForFile(Path.Combine(folder.Path, "empty.db"));
        var migrations = new MigrationRunner(database, TimeProvider.System);
        await using (var connection = await database.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            await command.ExecuteNonQueryAsync();
        }

        var result = await new DatabaseHealthCheck(database, migrations).CheckHealthAsync(new HealthCheckContext());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("schema version 0, this build needs", result.Description, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(TestHost host, string path)
    {
        using var response = await _client.GetAsync(host.App.Urls.First() + path);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private sealed class DownGateway : IConnectionReadiness
    {
        public IEnumerable<ConnectionState> Connections => [new ConnectionState("discord shard 0", false, "reconnecting")];
    }
}
