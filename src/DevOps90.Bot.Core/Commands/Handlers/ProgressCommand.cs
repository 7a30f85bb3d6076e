using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Reports;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/progress [member]</c>: days done, streaks, days missed and rank, with a small chart of the days where reports are
/// available; private. Another member's, for moderators.
/// </summary>
public sealed class ProgressCommand(ParticipationService participation, ParticipationReports? reports = null, GroupPageAddress? pages = null, Coaching.IShareStore? shares = null) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new(CommandNames.Progress, [new CommandOption("member", OptionKind.Member)]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.Cohort is not { } cohort)
        {
            return Reply.Error(scope.Text["Error.NoCohort"]);
        }

        // A member option holds a member id as the platform's adapter made it (mention syntax is the adapter's).
        var member = scope.Request.Option("member") ?? scope.Request.MemberId;
        if (member != scope.Request.MemberId && !scope.Request.IsModerator)
        {
            return Reply.Error(scope.Text["Progress.OthersForModerators"]);
        }

        var progress = await participation.ProgressAsync(cohort, member, cancellationToken).ConfigureAwait(false);
        var text = scope.Text;
        var shared = shares is null ? [] : await shares.ForMemberAsync(cohort.Id, member, cancellationToken).ConfigureAwait(false);
        var chart = reports is not null && progress.TotalDays > 0 ? reports.MemberChart(progress, text) : null;
        return new Reply
        {
            // Titles show no mentions on any platform (an embed title, a header block), so the member has a line of their own.
            Title = text["Progress.Title"],
            Paragraphs = [ReplySpan.Member(member)],
            Fields =
            [
                new ReplyField(text["Progress.DaysDone"], text.Format("Progress.DaysDoneValue", progress.DaysDone, progress.TotalDays), Inline: true),
                new ReplyField(text["Progress.Streak"], $"{progress.CurrentStreak} 🔥", Inline: true),
                new ReplyField(text["Progress.Longest"], progress.LongestStreak.ToString(text.Culture), Inline: true),
                new ReplyField(text["Progress.Missed"], progress.DaysMissed.ToString(text.Culture), Inline: true),
                new ReplyField(text["Progress.Rank"], progress.Rank > 0 ? text.Format("Progress.RankValue", progress.Rank, progress.Members) : text["Progress.NoRank"], Inline: true),
                .. Freezes(text, cohort, progress),
                .. SharesField(text, shared),
            ],
            Attachments = chart is null ? [] : [chart],
            Buttons = pages?.For(cohort) is { } page ? [new ReplyButton(text["Page.Link"], Url: page.ToString())] : [],
            Image = chart?.FileName,
            IsPrivate = true,
        };
    }

    /// <summary>Freezes held, and the days one was used ("freeze used on day 23"), where the group has freezes.</summary>
    private static ReplyField[] Freezes(BotText text, Cohort cohort, MemberProgress progress)
    {
        if (!StreakRules.Of(cohort).HasFreezes)
        {
            return [];
        }

        var value = text.Format("Progress.FreezesValue", progress.FreezesHeld, cohort.FreezeEvery);
        if (progress.FreezesUsed.Count > 0)
        {
            var days = string.Join(", ", progress.FreezesUsed.Select(day => day.ToString(text.Culture)));
            value += "\n" + text.Format("Progress.FreezeUsed", days);
        }

        return [new ReplyField(text["Progress.Freezes"], value, Inline: true)];
    }
    /// <summary>How many days the member shared, and the latest link (none before the first share).</summary>
    private static IEnumerable<ReplyField> SharesField(Localization.BotText text, IReadOnlyList<Coaching.Share> shared) =>
        shared.Count == 0
            ? []
            : [new ReplyField(text["Progress.Shares"], text.Line("Progress.SharesValue", shared.Count, ReplySpan.Link(shared[0].Url, shared[0].Url)))];
}

