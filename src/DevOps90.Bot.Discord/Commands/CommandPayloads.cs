using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Discord.Payloads;

namespace DevOps90.Bot.Discord.Commands;

/// <summary>
/// The Discord definitions of the bot's commands, generated from the Core catalogue: English names and descriptions,
/// localisations in every other language the bot speaks, day options as integers within the curriculum with autocomplete, moderator commands hidden
/// from members without Manage Server. A command with subcommands offers them as options of type SUB_COMMAND, each
/// with its own options (https://discord.com/developers/docs/interactions/application-commands#subcommands-and-subcommand-groups).
/// </summary>
public static class CommandPayloads
{
    /// <summary>Manage Server (1 &lt;&lt; 5): the permission that marks a moderator here.</summary>
    public const long ModeratorPermission = 1 << 5;

    private const int SubcommandOption = 1;
    private const int StringOption = 3;
    private const int IntegerOption = 4;
    private const int UserOption = 6;
    private const int Guild = 0;
    private const int BotDirectMessage = 1;

    public static IReadOnlyList<ApplicationCommandPayload> Build(IEnumerable<CommandDefinition> commands, int lastDay)
    {
        var english = BotText.For("en");
        return [.. commands.OrderBy(command => command.Name, StringComparer.Ordinal).Select(command => new ApplicationCommandPayload
        {
            Name = command.Name,
            Description = english["Command." + command.Name],
            NameLocalizations = Localized("Name." + command.Name),
            DescriptionLocalizations = Localized("Command." + command.Name),
            Options = !command.Subcommands.IsEmpty
                ? [.. command.Subcommands.Select(subcommand => Subcommand(command, subcommand, lastDay))]
                : command.Options.IsEmpty ? null : [.. command.Options.Select(option => Option(command.Name, option, lastDay))],
            DefaultMemberPermissions = command.ForModerators ? ModeratorPermission : null,
            // Moderator commands only make sense where there is a group to moderate.
            Contexts = command.ForModerators ? [Guild] : [Guild, BotDirectMessage],
        })];
    }

    /// <summary>Texts: "Command.{command}.{subcommand}", French name "Name.{command}.{subcommand}".</summary>
    private static ApplicationCommandOptionPayload Subcommand(CommandDefinition command, SubcommandDefinition subcommand, int lastDay)
    {
        var key = $"{command.Name}.{subcommand.Name}";
        return new ApplicationCommandOptionPayload
        {
            Type = SubcommandOption,
            Name = subcommand.Name,
            Description = BotText.For("en")["Command." + key],
            NameLocalizations = Localized("Name." + key),
            DescriptionLocalizations = Localized("Command." + key),
            Options = subcommand.Options.IsEmpty ? null : [.. subcommand.Options.Select(option => Option(key, option, lastDay))],
        };
    }

    /// <summary><paramref name="owner"/> is "{command}" or "{command}.{subcommand}", the prefix of the option's text keys.</summary>
    private static ApplicationCommandOptionPayload Option(string owner, CommandOption option, int lastDay) => new()
    {
        Type = option.Kind switch { OptionKind.Number => IntegerOption, OptionKind.Member => UserOption, _ => StringOption },
        Name = option.Name,
        Description = BotText.For("en")[$"Option.{owner}.{option.Name}"],
        NameLocalizations = Localized($"Name.{owner}.{option.Name}"),
        DescriptionLocalizations = Localized($"Option.{owner}.{option.Name}"),
        Required = option.Required ? true : null,
        Autocomplete = option.Autocomplete ? true : null,
        MinValue = option.Kind == OptionKind.Number ? option.Min ?? 1 : null,
        MaxValue = option.Kind == OptionKind.Number ? option.Max ?? lastDay : null,
    };

    // Discord's locales for the languages the bot speaks (https://discord.com/developers/docs/reference#locales);
    // Spanish serves Spain and Latin America alike.
    private static readonly (string Language, string[] Locales)[] DiscordLocales =
    [
        ("fr", ["fr"]), ("es", ["es-ES", "es-419"]), ("ja", ["ja"]), ("ko", ["ko"]), ("pl", ["pl"]), ("pt-br", ["pt-BR"]),
        ("tr", ["tr"]), ("vi", ["vi"]), ("zh-cn", ["zh-CN"]), ("zh-tw", ["zh-TW"]),
    ];

    /// <summary>The text in every language that has it (one without its translation yet is left to English).</summary>
    private static Dictionary<string, string> Localized(string key)
    {
        var localized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, locales) in DiscordLocales.Where(entry => BotText.Defines(entry.Language, key)))
        {
            foreach (var locale in locales)
            {
                localized[locale] = BotText.For(language)[key];
            }
        }

        return localized;
    }
}
