using DevOps90.Bot.Cli;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DevOps90.Bot.Tests.Cli;

/// <summary><c>backup -o FILE</c>: a whole, openable copy of the database, taken while the bot keeps writing to it.</summary>
public sealed class BackupCommandTests
{
    [Fact]
    public async Task Run_WhileCheckInsAreWritten_CopiesAConsistentDatabaseWithTheCheckInsSoFar()
    {
        using var folder = new TempFolder();
        var copy = Path.Combine(folder.Path, "backups", "bot.db");
        // Day 3 of the console cohort, so check-ins are taken.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = new TestHost(overrides: services => services.AddSingleton<TimeProvider>(clock));
        await host.Services.GetRequiredService<StartupTasks>().RunAsync();
        var cohort = host.Services.GetRequiredService<ICohortDirectory>().Find(new CohortId("console"))!;
        var participation = host.Services.GetRequiredService<ParticipationService>();
        await participation.CheckInAsync(cohort, "ada", 1);
        using var writing = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            for (; !writing.IsCancellationRequested; written++)
            {
                await participation.CheckInAsync(cohort, $"member-{written}", 1);
            }
        });
        var output = new StringWriter();

        var exitCode = await BackupCommand.RunAsync(host.Services.GetRequiredService<IDatabase>(), copy, output);
        await writing.CancelAsync();
        await writer;

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Database ", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(copy + ".partial"));
        await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("ok", await Scalar<string>(connection, "PRAGMA integrity_check"));
        Assert.True(await Scalar<long>(connection, "SELECT count(*) FROM check_ins WHERE member_id = 'ada'") == 1);
        Assert.InRange(await Scalar<long>(connection, "SELECT count(*) FROM check_ins WHERE member_id LIKE 'member-%'"), 0, written);
        Assert.True(await Scalar<long>(connection, "SELECT count(*) FROM cohorts") >= 1);
    }

    [Fact]
    public async Task Run_OntoTheDatabaseItself_IsRefused()
    {
        await using var host = new TestHost();
        await host.Services.GetRequiredService<StartupTasks>().RunAsync();
        var database = (Storage.Sqlite.SqliteDatabase)host.Services.GetRequiredService<IDatabase>();
        var output = new StringWriter();

        var exitCode = await BackupCommand.RunAsync(database, database.DataSource, output);

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot replace the database itself", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<T> Scalar<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
