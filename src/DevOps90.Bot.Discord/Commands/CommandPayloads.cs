using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Discord.Payloads;

namespace DevOps90.Bot.Discord.Commands;

/// <summary>
/// The Discord definitions of the bot's commands, generated from the Core catalogue: English names and descriptions,
/// French localisations, day options as integers within the curriculum with autocomplete, moderator commands hidden
/// from members without Manage Server.
/// </summary>
public static class CommandPayloads
{
    /// <summary>Manage Server (1 &lt;&lt; 5): the permission that marks a moderator here.</summary>
    public const long ModeratorPermission = 1 << 5;

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
            NameLocalizations = French("Name." + command.Name),
            DescriptionLocalizations = French("Command." + command.Name),
            Options = command.Options.IsEmpty ? null : [.. command.Options.Select(option => Option(command, option, lastDay))],
            DefaultMemberPermissions = command.ForModerators ? ModeratorPermission : null,
            // Moderator commands only make sense where there is a group to moderate.
            Contexts = command.ForModerators ? [Guild] : [Guild, BotDirectMessage],
        })];
    }

    private static ApplicationCommandOptionPayload Option(CommandDefinition command, CommandOption option, int lastDay) => new()
    {
        Type = option.Kind switch { OptionKind.Number => IntegerOption, OptionKind.Member => UserOption, _ => StringOption },
        Name = option.Name,
        Description = BotText.For("en")[$"Option.{command.Name}.{option.Name}"],
        NameLocalizations = French($"Name.{command.Name}.{option.Name}"),
        DescriptionLocalizations = French($"Option.{command.Name}.{option.Name}"),
        Required = option.Required ? true : null,
        Autocomplete = option.Autocomplete ? true : null,
        MinValue = option.Kind == OptionKind.Number ? option.Min ?? 1 : null,
        MaxValue = option.Kind == OptionKind.Number ? option.Max ?? lastDay : null,
    };

    private static Dictionary<string, string> French(string key) => new() { ["fr"] = BotText.For("fr")[key] };
}
