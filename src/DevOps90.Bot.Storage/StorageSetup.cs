using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Storage.Migrations;
using DevOps90.Bot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Storage;

public static class StorageSetup
{
    /// <summary>
    /// The bot's database (SQLite by default, a file under Storage:DataDirectory; a relative connection string's file
    /// is taken from <paramref name="baseDirectory"/>), its migrations, the delivery ledger and the cohort store.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder, string baseDirectory)
    {
        builder.Services.AddOptionsWithValidateOnStart<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations();
        builder.Services.AddSingleton<IDatabase>(services =>
            CreateDatabase(services.GetRequiredService<IOptions<StorageOptions>>().Value, baseDirectory));
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<IDeliveryLedger, SqlDeliveryLedger>();
        builder.Services.AddSingleton<ICohortStore, SqlCohortStore>();
        builder.Services.AddSingleton<IParticipationStore, SqlParticipationStore>();
        builder.Services.AddSingleton<ILeaderboardMessageStore, SqlLeaderboardMessageStore>();
        return builder;
    }

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
