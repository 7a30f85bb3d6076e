using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/done [day]</c> and the daily post's button: marks a lesson day done for the member, privately. Without a day it
/// is today's lesson (the current study date's, until the 04:00 grace cutoff); a later day once its daily post is out.
/// </summary>
public sealed class DoneCommand(ParticipationService participation, LessonChoices choices, Coaching.MilestoneService? milestones = null) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Done, [new CommandOption("day", OptionKind.Number, Autocomplete: true, Min: 1)]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        if (!ParticipationDay.TryResolve(scope, participation, out var cohort, out var day, out var error))
        {
            return error;
        }

        var outcome = await participation.CheckInAsync(cohort, scope.Request.MemberId, day, scope.Request.DisplayName, cancellationToken).ConfigureAwait(false);
        if (outcome.Status == CheckInStatus.Added && milestones is not null)
        {
            await milestones.AfterCheckInAsync(cohort, scope.Request.MemberId, outcome.DaysDone, cancellationToken).ConfigureAwait(false);
        }
        var text = scope.Text;
        return outcome.Status switch
        {
            CheckInStatus.Added => Reply.Text(text.Format(outcome.IsLate ? "Done.AddedLate" : "Done.Added", outcome.Day, outcome.Streak), isPrivate: true),
            CheckInStatus.AlreadyDone => Reply.Text(text.Format("Done.Already", outcome.Day, outcome.Streak), isPrivate: true),
            CheckInStatus.NotStarted => ParticipationDay.NotStarted(scope, participation, cohort),
            CheckInStatus.FutureDay => Future(scope, cohort, outcome),
            _ => Reply.Error(text.Format("Error.DayOutOfRange", outcome.Day, 1, participation.LastDay(cohort))),
        };
    }

    /// <summary>"Day 5 opens at 18:00 on Monday 4 January": the moment of its daily post, in the cohort's zone.</summary>
    private Reply Future(RequestScope scope, Cohorts.Cohort cohort, CheckInOutcome outcome)
    {
        if (outcome.OpensAt is not { } opens)
        {
            return Reply.Error(scope.Text.Format("Done.Future", outcome.Day, participation.CurrentDay(cohort)));
        }

        var local = TimeZoneInfo.ConvertTime(opens, cohort.TimeZone);
        var time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return Reply.Error(scope.Text.Format("Done.Opens", outcome.Day, time, scope.Text.Date(DateOnly.FromDateTime(local.DateTime), scope.Today)));
    }

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
        optionName == "day" ? choices.Days(scope, typed) : [];
}
