using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Commands;

public enum OptionKind
{
    Number,
    Text,

    /// <summary>A member of the group (a user picker where the platform has one).</summary>
    Member,
}

/// <summary>An option of a command; descriptions live in the bot texts under "Option.{command}.{option}".</summary>
public sealed record CommandOption(string Name, OptionKind Kind, bool Required = false, bool Autocomplete = false, int? Min = null, int? Max = null);

/// <summary>A command every platform offers; its description is the bot text "Command.{name}".</summary>
public sealed record CommandDefinition(string Name, ImmutableArray<CommandOption> Options, bool ForModerators = false)
{
    public CommandOption? Option(string name) => Options.FirstOrDefault(option => option.Name == name);
}

/// <summary>A suggestion while a member types an option: what they see, and the value it fills in.</summary>
public sealed record AutocompleteChoice(string Name, string Value);
