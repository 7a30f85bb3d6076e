using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/share url:&lt;link&gt; [note]</c>: learning in public. Records the link the member published about today's
/// lesson (http(s) only, checked by <see cref="ShareLink"/>; one per member and lesson day), checks them in for it the
/// way <c>/done</c> does (streaks, the web page, milestones follow), and posts it in the day's thread when the cohort
/// has threads and the thread is not archived, else in the channel. The member's own answer is private.
/// </summary>
public sealed class ShareCommand(
    ParticipationService participation,
    IShareStore shares,
    IDeliveryLedger ledger,
    IEnumerable<IChatPublisher> publishers,
    BotDefaults defaults,
    TimeProvider time,
    MilestoneService? milestones = null) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Share, [
        new CommandOption("url", OptionKind.Text, Required: true),
        new CommandOption("note", OptionKind.Text),
    ]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var text = scope.Text;
        if (scope.Cohort is not { } cohort)
        {
            return Reply.Error(text["Error.NoCohort"]);
        }

        var typed = scope.Request.Option("url");
        var problem = ShareLink.TryRead(typed, out var url);
        if (problem != ShareLinkProblem.None)
        {
            return Reply.Error(problem == ShareLinkProblem.TooLong
                ? text.Format("Share.Error.TooLong", ShareLink.MaxLength)
                : text.Format("Share.Error.Link", Quoted.Cap(typed ?? "")));
        }

        var note = scope.Request.Option("note");
        if (note is { Length: > ShareLink.MaxNoteLength })
        {
            return Reply.Error(text.Format("Share.Error.Note", ShareLink.MaxNoteLength));
        }

        var day = participation.CurrentDay(cohort);
        if (day == 0)
        {
            return ParticipationDay.NotStarted(scope, participation, cohort);
        }

        var member = scope.Request.MemberId;
        if (!await shares.AddAsync(new Share(cohort.Id, member, day, url, note, time.GetUtcNow()), cancellationToken).ConfigureAwait(false))
        {
            return Reply.Error(text.Format("Share.Error.Already", day));
        }

        // The same check-in as /done: a share is a day's work done in public.
        var checkIn = await participation.CheckInAsync(cohort, member, day, scope.Request.DisplayName, cancellationToken).ConfigureAwait(false);
        var where = await PostAsync(cohort, member, day, url, note, cancellationToken).ConfigureAwait(false);
        if (checkIn.Status == CheckInStatus.Added && milestones is not null)
        {
            await milestones.AfterCheckInAsync(cohort, member, checkIn.DaysDone, cancellationToken).ConfigureAwait(false);
        }

        return Reply.Text(text.Format(where, day, checkIn.Streak), isPrivate: true);
    }

    /// <summary>Posts the share; returns the key of the member's answer saying where it went.</summary>
    private async Task<string> PostAsync(Cohorts.Cohort cohort, string member, int day, string url, string? note, CancellationToken cancellationToken)
    {
        if (publishers.FirstOrDefault(candidate => candidate.Platform == cohort.Target.Platform) is not { } publisher)
        {
            return "Share.Saved";
        }

        // The group's language: the whole channel reads it.
        var text = LanguageChoice.TextFor(cohort.Language ?? defaults.Language, defaults.Language);
        var post = new Reply
        {
            Paragraphs = [text.Line("Share.Post", ReplySpan.Member(member), day, ReplySpan.Link(url, url)), .. note is null ? Array.Empty<ReplyParagraph>() : [(ReplyParagraph)note]],
        };
        var key = new DeliveryKey(cohort.Id, $"share-{day}-{member}").IdempotencyKey;
        var thread = cohort.Threads ? (await ledger.FindAsync(new DeliveryKey(cohort.Id, $"day-{day}"), cancellationToken).ConfigureAwait(false))?.ThreadId : null;
        try
        {
            if (thread is { Length: > 0 } and not DailyPostService.NoThread
                && (await publisher.PostInThreadAsync(cohort.Target, thread, post, key, cancellationToken).ConfigureAwait(false)).Outcome == PublishOutcome.Sent)
            {
                return "Share.SavedInThread";
            }

            // No thread, or an archived one, which is left alone: the channel.
            var sent = await publisher.PublishAsync(cohort.Target, post, key, null, cancellationToken).ConfigureAwait(false);
            return sent.Outcome == PublishOutcome.Sent ? "Share.SavedInChannel" : "Share.Saved";
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The share and the check-in are recorded; only the post is missing, and the member is told.
            return "Share.Saved";
        }
    }
}
