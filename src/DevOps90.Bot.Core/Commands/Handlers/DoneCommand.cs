using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/done [day]</c> and the daily post's button: marks a lesson day done for the member, privately.</summary>
public sealed class DoneCommand(ParticipationService participation, LessonChoices choices) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Done, [new CommandOption("day", OptionKind.Number, Autocomplete: true, Min: 1)]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        if (!ParticipationDay.TryResolve(scope, participation, out var cohort, out var day, out var error))
        {
            return error;
        }

        var outcome = await participation.CheckInAsync(cohort, scope.Request.MemberId, day, cancellationToken).ConfigureAwait(false);
        var text = scope.Text;
        return outcome.Status switch
        {
            CheckInStatus.Added => Reply.Text(text.Format(outcome.IsLate ? "Done.AddedLate" : "Done.Added", outcome.Day, outcome.Streak), isPrivate: true),
            CheckInStatus.AlreadyDone => Reply.Text(text.Format("Done.Already", outcome.Day, outcome.Streak), isPrivate: true),
            CheckInStatus.NotStarted => Reply.Error(text["Done.NotStarted"]),
            CheckInStatus.FutureDay => Reply.Error(text.Format("Done.Future", outcome.Day, participation.CurrentDay(cohort))),
            _ => Reply.Error(text.Format("Error.DayOutOfRange", outcome.Day, 1, participation.LastDay(cohort))),
        };
    }

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
        optionName == "day" ? choices.Days(scope, typed) : [];
}
