using System.Runtime.CompilerServices;
using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Postgres;
using DevOps90.Bot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DevOps90.Bot.Storage;

public static class StorageSetup
{
    /// <summary>
    /// The bot's database (SQLite by default, a file under Storage:DataDirectory; a relative connection string's file
    /// is taken from <paramref name="baseDirectory"/>; or PostgreSQL through one <see cref="NpgsqlDataSource"/>), its
    /// migrations, the delivery ledger and the cohort, participation and leaderboard message stores.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder, string baseDirectory)
    {
        builder.Services.AddOptionsWithValidateOnStart<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName));
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsAttributeValidator>();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        var provider = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.Provider ?? StorageProvider.Sqlite;
        if (provider == StorageProvider.Postgres)
        {
            AddPostgres(builder.Services);
        }

        builder.Services.AddSingleton<IDatabase>(services => services.GetRequiredService<IOptions<StorageOptions>>().Value switch
        {
            { Provider: StorageProvider.Postgres } => CreatePostgresDatabase(services),
            var sqlite => CreateDatabase(sqlite, baseDirectory),
        });
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<IDeliveryLedger, SqlDeliveryLedger>();
        builder.Services.AddSingleton<ICohortStore, SqlCohortStore>();
        builder.Services.AddSingleton<IParticipationStore, SqlParticipationStore>();
        builder.Services.AddSingleton<ILeaderboardMessageStore, SqlLeaderboardMessageStore>();
        // Several instances tell each other of cohort writes through PostgreSQL; a SQLite file's writes are all this process's.
        builder.Services.AddSingleton<ICohortChangeFeed>(services => services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres
            ? CreatePostgresFeed(services)
            : new LocalCohortFeed());
        builder.Services.AddSingleton<IPostsDueAnnouncer>(services => services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres
            ? CreatePostgresAnnouncer(services)
            : new LocalPostsDueAnnouncer());
        builder.Services.AddSingleton<IMemberProfileStore, SqlMemberProfileStore>();
        builder.Services.AddSingleton<Core.Security.IKeyRingStore, SqlKeyRingStore>();
        builder.Services.AddSingleton<IReminderStore, SqlReminderStore>();
        builder.Services.AddSingleton(services => new ReminderLedger(SqlDeliveryLedger.ForReminders(services.GetRequiredService<IDatabase>())));
        builder.Services.AddSingleton<IShareStore, SqlShareStore>();
        builder.Services.AddSingleton<IMilestoneStore, SqlMilestoneStore>();
        // Several instances share leases through PostgreSQL; a SQLite file serves one process, whose leases can stay in memory.
        builder.Services.AddSingleton<ILeaseStore>(services => services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres
            ? new SqlLeaseStore(services.GetRequiredService<IDatabase>())
            : new InMemoryLeaseStore());
        return builder;
    }

    // Npgsql is referenced only from these, kept out of line, so that a SQLite bot never loads it. They return the
    // interfaces on purpose: a PostgreSQL type in a caller's signature makes the JIT load Npgsql when it compiles the
    // caller, on SQLite too (bench/footprint.sh lists the assemblies a start loads).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddPostgres(IServiceCollection services) =>
        // One pool for the process; the container disposes it (closing its connections) when the host ends.
        services.AddSingleton(provider => NpgsqlDataSource.Create(provider.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));

    [MethodImpl(MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The interface keeps Npgsql out of the caller's compilation.")]
    private static ICohortChangeFeed CreatePostgresFeed(IServiceProvider services) => ActivatorUtilities.CreateInstance<PostgresCohortFeed>(services);

    [MethodImpl(MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The interface keeps Npgsql out of the caller's compilation.")]
    private static IPostsDueAnnouncer CreatePostgresAnnouncer(IServiceProvider services) => ActivatorUtilities.CreateInstance<PostgresPostsDueAnnouncer>(services);

    [MethodImpl(MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The interface keeps Npgsql out of the caller's compilation.")]
    private static IDatabase CreatePostgresDatabase(IServiceProvider services) => new PostgresDatabase(services.GetRequiredService<NpgsqlDataSource>());

    /// <summary>The SQLite database the settings name (Storage:Provider Sqlite).</summary>
    public static SqliteDatabase CreateDatabase(StorageOptions options, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var configured = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (!Path.IsPathRooted(configured.DataSource) && configured.DataSource != ":memory:")
            {
                configured.DataSource = Path.Combine(baseDirectory, configured.DataSource);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(configured.DataSource))!);
            return new SqliteDatabase(configured.ToString());
        }

        return SqliteDatabase.ForFile(Path.Combine(DataDirectoryOf(options), options.FileName));
    }

    /// <summary>Where the database lives (see <see cref="StorageOptions.DataDirectory"/>).</summary>
    public static string DataDirectoryOf(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return Path.GetFullPath(options.DataDirectory);
        }

        var userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(userData) ? Path.GetFullPath("data") : Path.Combine(userData, "devops90-bot");
    }
}
