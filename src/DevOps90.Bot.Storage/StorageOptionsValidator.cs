using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DevOps90.Bot.Storage;

/// <summary>Refuses a PostgreSQL store without a usable connection string (whose value is never repeated).</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.Postgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Storage:ConnectionString: required when Storage:Provider is Postgres, e.g. Host=db;Database=devops90;" +
                "Username=bot;Password=… (give it through the environment, Storage__ConnectionString, never a settings file)");
        }

        try
        {
            return !NamesHost(options.ConnectionString)
                ? ValidateOptionsResult.Fail("Storage:ConnectionString: names no Host (the PostgreSQL server)")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string, password included: only the key is named.
            return ValidateOptionsResult.Fail(
                "Storage:ConnectionString: is not a PostgreSQL connection string (Key=value pairs separated by ';', e.g. Host=db;Database=devops90;Username=bot)");
        }
    }

    // Out of line so that validating a SQLite bot's settings does not load Npgsql.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool NamesHost(string connectionString) =>
        !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
}
