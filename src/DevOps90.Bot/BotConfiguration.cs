using DevOps90.Bot.Storage;

namespace DevOps90.Bot;

/// <summary>
/// The one place that decides where settings come from, in increasing precedence: config/appsettings.json,
/// config/appsettings.{Environment}.json, a folder of secret files (one file per key, named like the environment
/// variable: Discord__Token; /run/secrets unless the SecretsDirectory setting names another), ASPNETCORE_/DOTNET_-prefixed
/// environment variables (ASPNETCORE_URLS), plain environment variables (Content__DefaultCurriculum), DEVOPS90_-prefixed
/// ones, the command line.
/// Paths are resolved from the application folder, so the bot behaves the same from any working directory.
/// </summary>
internal static class BotConfiguration
{
    public static string BaseDirectory => AppContext.BaseDirectory;

    /// <summary>Where Docker and Kubernetes mount secrets, one file per secret.</summary>
    public const string DefaultSecretsDirectory = "/run/secrets";

    /// <summary>The setting that moves the secrets folder; read from the environment and the command line only, since it says where other settings come from.</summary>
    public const string SecretsDirectoryKey = "SecretsDirectory";

    public static string SecretsDirectoryOf(string[] args)
    {
        var early = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("DEVOPS90_")
            .AddCommandLine(args)
            .Build();
        return early[SecretsDirectoryKey] is { Length: > 0 } configured ? Path.GetFullPath(configured) : DefaultSecretsDirectory;
    }

    /// <summary>Where repository content sources are cloned: &lt;data directory&gt;/content, beside the database.</summary>
    public static string ContentCheckouts(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()
            ?? new StorageOptions();
        return Path.Combine(StorageSetup.DataDirectoryOf(storage), "content");
    }

    public static void Apply(IConfigurationBuilder configuration, string environmentName, string[] args)
    {
        configuration.Sources.Clear();
        configuration
            .SetBasePath(BaseDirectory)
            .AddJsonFile(Path.Combine("config", "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine("config", $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false)
            // Below the environment, so a variable set on purpose still wins over a mounted file. Each file is a key
            // named after it (Slack__SigningSecret); a file that names no setting is simply never read by anyone.
            .AddKeyPerFile(SecretsDirectoryOf(args), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("DEVOPS90_")
            .AddCommandLine(args);
    }

    public static IConfiguration Build(string[] args)
    {
        var environmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var builder = new ConfigurationBuilder();
        Apply(builder, environmentName, args);
        return builder.Build();
    }
}
