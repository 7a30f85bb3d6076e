using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/help</c>: every command with its options and what it does, in the member's language; moderators also see theirs,
/// one line per subcommand.
/// </summary>
public sealed class HelpCommand(Func<IEnumerable<CommandDefinition>> commands) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Help, []);

    public ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var all = commands().ToList();
        var text = scope.Text;
        var paragraphs = new List<ReplyParagraph> { text["Help.Intro"], ReplyParagraph.Of(all.Where(command => !command.ForModerators).SelectMany(command => Lines(command, text))) };
        if (scope.Request.IsModerator)
        {
            paragraphs.Add(text["Help.Moderators"]);
            paragraphs.Add(ReplyParagraph.Of(all.Where(command => command.ForModerators).SelectMany(command => Lines(command, text))));
        }

        return ValueTask.FromResult(new Reply { Title = text["Help.Title"], Paragraphs = [.. paragraphs], IsPrivate = true });
    }

    private static IEnumerable<ReplyLine> Lines(CommandDefinition command, Localization.BotText text) =>
        command.Subcommands.IsEmpty
            ? [ReplyLine.Of(ReplySpan.Code($"/{command.Name}{Usage(command.Options)}"), " — " + text["Command." + command.Name])]
            : command.Subcommands.Select(sub => ReplyLine.Of(ReplySpan.Code($"/{command.Name} {sub.Name}{Usage(sub.Options)}"), " — " + text[$"Command.{command.Name}.{sub.Name}"]));

    private static string Usage(IEnumerable<CommandOption> options) =>
        string.Concat(options.Select(option => option.Required ? $" <{option.Name}>" : $" [{option.Name}]"));
}
