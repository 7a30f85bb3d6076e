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

/// <summary>
/// A command every platform offers; its description is the bot text "Command.{name}". A command either has options or
/// subcommands (Discord allows no mix): <c>/participation export from:… to:…</c>.
/// </summary>
public sealed record CommandDefinition(string Name, ImmutableArray<CommandOption> Options, bool ForModerators = false)
{
    /// <summary>Texts: "Command.{command}.{subcommand}", options "Option.{command}.{subcommand}.{option}", French names "Name.…".</summary>
    public ImmutableArray<SubcommandDefinition> Subcommands { get; init; } = [];

    public CommandOption? Option(string name) => Options.FirstOrDefault(option => option.Name == name);

    public SubcommandDefinition? Subcommand(string? name) =>
        name is null ? null : Subcommands.FirstOrDefault(subcommand => string.Equals(subcommand.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The options a request may carry: the subcommand's, or the command's own.</summary>
    public ImmutableArray<CommandOption> OptionsOf(string? subcommand) => Subcommand(subcommand)?.Options ?? Options;
}

/// <summary>One form of a command with subcommands, with its own options.</summary>
public sealed record SubcommandDefinition(string Name, ImmutableArray<CommandOption> Options)
{
    public CommandOption? Option(string name) => Options.FirstOrDefault(option => option.Name == name);
}

/// <summary>A suggestion while a member types an option: what they see, and the value it fills in.</summary>
public sealed record AutocompleteChoice(string Name, string Value);
