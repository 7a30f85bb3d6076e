using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/certificate</c>: the member's certificate of completion as a picture once they have done every lesson day of
/// the group's curriculum; before that, how many days remain. Private.
/// </summary>
public sealed class CertificateCommand(Certificates? certificates = null) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Certificate, []);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var text = scope.Text;
        if (scope.Cohort is not { } cohort)
        {
            return Reply.Error(text["Error.NoCohort"]);
        }

        if (certificates is null)
        {
            return Reply.Error(text["Reports.Unavailable"]);
        }

        var outcome = await certificates.ForAsync(cohort, scope.Request.MemberId, scope.Request.DisplayName, text, cancellationToken).ConfigureAwait(false);
        if (outcome.Image is not { } image)
        {
            return Reply.Text(text.Format("Certificate.NotYet", outcome.DaysDone, outcome.TotalDays, outcome.DaysLeft), isPrivate: true);
        }

        return new Reply
        {
            Paragraphs = [text.Format("Certificate.Ready", cohort.Id.Value)],
            Attachments = [image],
            Image = image.FileName,
            IsPrivate = true,
        };
    }
}
