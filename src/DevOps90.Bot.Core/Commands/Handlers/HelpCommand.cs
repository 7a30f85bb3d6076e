using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/help</c>: every command with its options and what it does, in the member's language.</summary>
public sealed class HelpCommand(Func<IEnumerable<CommandDefinition>> commands) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Help, []);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var lines = commands()
            .Where(command => !command.ForModerators)
            .Select(command => $"**/{command.Name}{Usage(command)}** — {scope.Text["Command." + command.Name]}");
        return ValueTask.FromResult(new Reply
        {
            Title = scope.Text["Help.Title"],
            Paragraphs = [scope.Text["Help.Intro"], string.Join('\n', lines)],
            IsPrivate = true,
        });
    }

    private static string Usage(CommandDefinition command) =>
        string.Concat(command.Options.Select(option => option.Required ? $" <{option.Name}>" : $" [{option.Name}]"));
}
