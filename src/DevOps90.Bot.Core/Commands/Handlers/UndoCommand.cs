using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/undo [day]</c>: unmarks a day the member marked done.</summary>
public sealed class UndoCommand(ParticipationService participation, LessonChoices choices) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Undo, [new CommandOption("day", OptionKind.Number, Autocomplete: true, Min: 1)]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        if (!ParticipationDay.TryResolve(scope, participation, out var cohort, out var day, out var error))
        {
            return error;
        }

        var outcome = await participation.UndoAsync(cohort, scope.Request.MemberId, day, cancellationToken).ConfigureAwait(false);
        if (outcome.Status == CheckInStatus.NotStarted)
        {
            return ParticipationDay.NotStarted(scope, participation, cohort);
        }

        return Reply.Text(scope.Text.Format(outcome.Status == CheckInStatus.Removed ? "Undo.Removed" : "Undo.NotDone", outcome.Day), isPrivate: true);
    }

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
        optionName == "day" ? choices.Days(scope, typed) : [];
}
