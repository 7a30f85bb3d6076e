using DevOps90.Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace DevOps90.Bot.Scheduling;

/// <summary>
/// Quartz's persistent store in the bot's database: on SQLite, the one instance's; on PostgreSQL, clustered, so
/// that the instances sharing the database fire each trigger once between them and take over a dead one's.
/// </summary>
internal static class QuartzStore
{
    /// <summary>
    /// Registers the Cluster settings and returns the store's configuration, read now: Quartz is configured before
    /// the container exists, from the same settings the storage reads. Null without a PostgreSQL connection string:
    /// the start then stops at the Storage settings' validation, before Quartz, with the message naming the key
    /// (Quartz's factory overload refuses an empty string as soon as it is configured).
    /// </summary>
    public static Action<IPersistentStoreBuilder>? AddQuartzStore(this IHostApplicationBuilder builder, string baseDirectory)
    {
        builder.Services.AddOptionsWithValidateOnStart<ClusterOptions>()
            .Bind(builder.Configuration.GetSection(ClusterOptions.SectionName));
        builder.Services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsAttributeValidator>();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var cluster = builder.Configuration.GetSection(ClusterOptions.SectionName).Get<ClusterOptions>() ?? new ClusterOptions();
        return storage.Provider switch
        {
            StorageProvider.Postgres when string.IsNullOrWhiteSpace(storage.ConnectionString) => null,
            StorageProvider.Postgres => store =>
            {
                // The driver's own factory, not its description by type names, which a Native AOT build cannot resolve.
                store.UsePostgres(NpgsqlFactory.Instance, storage.ConnectionString!);
                // Instance ids are generated (Quartz's AUTO) once clustering is on.
                store.UseClustering(clustering =>
                {
                    clustering.CheckinInterval = cluster.CheckinInterval;
                    clustering.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
                });
                // Quartz 4.7 ships the PostgreSQL schema and creates what is missing; instances starting together
                // find the tables the first one created.
                store.ProvisionSchema();
            },
            _ => store =>
            {
                store.UseSqlite(SqliteFactory.Instance, StorageSetup.CreateDatabase(storage, baseDirectory).ConnectionString);
                store.ProvisionSchema();
            },
        };
    }
}
