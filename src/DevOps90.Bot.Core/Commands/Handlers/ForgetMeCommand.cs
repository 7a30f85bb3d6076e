using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/forget-me</c>: deletes everything stored about the member, after they confirm with the button (or with the
/// option "confirm"). Works in any channel, inside a cohort or not; leaderboard messages are rewritten without them.
/// Reminders go first (their time, zone, blocked mark and ledger lines), so none is sent to a member who is gone.
/// </summary>
public sealed class ForgetMeCommand(ParticipationService participation, LeaderboardMessages? leaderboards = null, ReminderService? reminders = null) : ICommandHandler
{
    public const string Confirmation = "confirm";

    public CommandDefinition Definition { get; } = new(CommandNames.ForgetMe, [new CommandOption(Confirmation, OptionKind.Text)]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(scope.Request.Option(Confirmation), Confirmation, StringComparison.OrdinalIgnoreCase))
        {
            return new Reply
            {
                Paragraphs = [scope.Text["Forget.Ask"]],
                Buttons = [new ReplyButton(scope.Text["Forget.Button"], Command: $"{CommandNames.ForgetMe} {Confirmation}")],
                IsPrivate = true,
            };
        }

        if (reminders is not null)
        {
            await reminders.ForgetAsync(scope.Request.MemberId, cancellationToken).ConfigureAwait(false);
        }

        var deleted = await participation.ForgetAsync(scope.Request.MemberId, cancellationToken).ConfigureAwait(false);
        if (deleted > 0 && leaderboards is not null)
        {
            try
            {
                await leaderboards.RewriteExistingAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The data is gone, which is what the member asked; the messages are rewritten after the next post anyway.
            }
        }

        return Reply.Text(scope.Text.Format("Forget.Done", deleted), isPrivate: true);
    }
}
