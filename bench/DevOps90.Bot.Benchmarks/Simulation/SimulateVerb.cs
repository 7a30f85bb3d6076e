using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Storage;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Sqlite;
using DevOps90.Bot.Testing;
using Microsoft.Data.Sqlite;

namespace DevOps90.Bot.Benchmarks.Simulation;

/// <summary>
/// The <c>simulate</c> verb: months of daily posts for many cohorts through restarts and platform failures; exits 1
/// when a post went out twice or a required post never did, printing examples to find the cause.
/// </summary>
internal static class SimulateVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        if (SimulationOptions.Parse(args, Console.Error) is not { } options)
        {
            return 2;
        }

        if (RepositoryRoot.BundledContent() is not { } content)
        {
            Console.Error.WriteLine("the bundled content/ folder was not found: run from a checkout of the repository");
            return 2;
        }

        var index = ContentLoader.Load([new ContentSourceOptions { Path = content }]);
        output.WriteLine($"simulate: {options}");
        var sqliteFile = options.SqliteLedger
            ? Path.Combine(Path.GetTempPath(), "devops90-bench", $"simulate-{options.Seed}-{Guid.NewGuid():N}.db")
            : null;
        try
        {
            var memory = new InMemoryDeliveryLedger();
            Func<IDeliveryLedger> openLedger = () => memory;
            if (sqliteFile is not null)
            {
                await new MigrationRunner(SqliteDatabase.ForFile(sqliteFile), TimeProvider.System).MigrateAsync().ConfigureAwait(false);
                openLedger = () => new SqlDeliveryLedger(SqliteDatabase.ForFile(sqliteFile));
                output.WriteLine($"ledger: {sqliteFile}");
            }

            var simulation = new DeliverySimulation(options, index, openLedger);
            await simulation.RunAsync().ConfigureAwait(false);
            var verdict = await SimulationVerdict.JudgeAsync(simulation).ConfigureAwait(false);
            SimulationReport.Print(output, options, simulation, verdict);
            return verdict.Passed ? 0 : 1;
        }
        finally
        {
            if (sqliteFile is not null)
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
            }
        }
    }
}
