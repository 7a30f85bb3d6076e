using DevOps90.Bot.Core.Delivery;

namespace DevOps90.Bot.LocalConsole;

public static class ConsoleSetup
{
    /// <summary>
    /// The local console channel, for a bot with no chat platform configured: the way to try the bot with nothing
    /// but the SDK. Platform adapters add themselves when their settings are present.
    /// </summary>
    public static IHostApplicationBuilder AddLocalConsole(this IHostApplicationBuilder builder)
    {
        if (HasPlatformSettings(builder.Configuration))
        {
            return builder;
        }

        if (!Console.IsInputRedirected && !Console.IsOutputRedirected)
        {
            // At a terminal the prompt, the replies and the log share the screen: the log keeps to what needs
            // attention (Console:LogLevel), so its lines do not land in the middle of what a person is typing.
            var level = Enum.TryParse<LogLevel>(builder.Configuration["Console:LogLevel"], ignoreCase: true, out var configured) ? configured : LogLevel.Warning;
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, level);
        }

        builder.Services.AddSingleton(_ => ConsoleIO.System());
        builder.Services.AddSingleton(new ConsoleFiles(builder.Configuration[ConsoleFiles.SettingKey] is { Length: > 0 } folder ? folder : "files"));
        builder.Services.AddSingleton<IChatPublisher, ConsolePublisher>();
        builder.Services.AddHostedService<ConsoleChannel>();
        return builder;
    }

    private static bool HasPlatformSettings(IConfiguration configuration) =>
        Discord.DiscordSetup.IsConfigured(configuration) || Slack.SlackSetup.IsConfigured(configuration);
}
