namespace DevOps90.Bot.Core.Commands;

/// <summary>One command: what it accepts, how it answers, and what it suggests while an option is typed.</summary>
public interface ICommandHandler
{
    CommandDefinition Definition { get; }

    ValueTask<Replies.Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default);

    IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) => [];
}
