using System.CommandLine;
using DevOps90.Bot.Discord;
using DevOps90.Bot.Discord.Commands;
using DevOps90.Bot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.Cli;

/// <summary><c>commands register [--guild ID]</c>: registers the slash commands with Discord now.</summary>
internal static class CommandsCommandLine
{
    public static Command Create(TextWriter output)
    {
        var guildOption = new Option<string?>("--guild") { Description = "Register in this guild only (appears at once; for development). Default: Discord:GuildId, else global." };
        var register = new Command("register", "Register (bulk overwrite) the bot's commands with Discord when they changed.");
        register.Options.Add(guildOption);
        register.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = BotHost.Build([]);
            return await RegisterAsync(app.Services, parse.GetValue(guildOption), output, cancellationToken).ConfigureAwait(false);
        });

        var commands = new Command("commands", "Manage the bot's commands on the chat platforms.");
        commands.Subcommands.Add(register);
        return commands;
    }

    public static async Task<int> RegisterAsync(IServiceProvider services, string? guild, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (services.GetService<CommandRegistrar>() is not { } registrar)
        {
            output.WriteLine("Discord is not configured: set Discord:Token (environment: Discord__Token) and Discord:ApplicationId.");
            return 2;
        }

        DiscordOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            output.WriteLine(string.Join(Environment.NewLine, exception.Failures));
            return 2;
        }

        var guildText = guild ?? options.GuildId;
        Snowflake? guildId = null;
        if (!string.IsNullOrWhiteSpace(guildText))
        {
            if (!Snowflake.TryParse(guildText, out var parsed))
            {
                output.WriteLine($"'{guildText}' is not a Discord guild id.");
                return 2;
            }

            guildId = parsed;
        }

        // Within a share of Discord's global limit that running instances on the same database count too.
        var result = await DiscordRateShare.WithinAsync(services, token => registrar.RegisterAsync(guildId, token), cancellationToken).ConfigureAwait(false);
        output.WriteLine($"{registrar.Commands().Count} commands {(result == CommandRegistrar.Result.Registered ? "registered" : "already up to date")} ({guildId?.ToString() ?? "global"}).");
        return 0;
    }
}
