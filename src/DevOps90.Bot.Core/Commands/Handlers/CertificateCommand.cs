using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/certificate</c>: the member's certificate of completion as a picture once they have done every lesson day of
/// the group's curriculum, with a private link to fetch it again from the web for a few days (where the bot has a
/// public address); before that, how many days remain. Private.
/// </summary>
public sealed class CertificateCommand(Certificates? certificates = null, ICertificateLinks? links = null) : ICommandHandler
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

        ReplyParagraph ready = text.Format("Certificate.Ready", cohort.Id.Value);
        return new Reply
        {
            Paragraphs = links?.LinkFor(cohort.Id, scope.Request.MemberId, text.Language) is { } link
                ? [ready, text.Line("Certificate.WebLink", (int)links.Lifetime.TotalDays, ReplySpan.Link(text["Certificate.Link"], link.AbsoluteUri))]
                : [ready],
            Attachments = [image],
            Image = image.FileName,
            IsPrivate = true,
        };
    }
}
