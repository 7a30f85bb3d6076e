using System.Globalization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/participation [inactive]</c> (moderators): active members today and this week, check-ins of the last lesson
/// days with the share of members, and who has been inactive for N days.
/// </summary>
public sealed class ParticipationCommand(ParticipationService participation) : ICommandHandler
{
    private const int DefaultInactiveDays = 3;

    public CommandDefinition Definition { get; } = new(CommandNames.Participation, [], ForModerators: true)
    {
        Subcommands =
        [
            new SubcommandDefinition("summary", [new CommandOption("inactive", OptionKind.Number, Min: 1, Max: 90)]),
            new SubcommandDefinition("export", [new CommandOption("from", OptionKind.Text), new CommandOption("to", OptionKind.Text)]),
            new SubcommandDefinition("chart", []),
        ],
    };

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.Cohort is not { } cohort)
        {
            return Reply.Error(scope.Text["Error.NoCohort"]);
        }

        var inactiveDays = int.TryParse(scope.Request.Option("inactive"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days > 0 ? days : DefaultInactiveDays;
        var summary = await participation.SummaryAsync(cohort, inactiveDays, cancellationToken).ConfigureAwait(false);
        var text = scope.Text;
        if (summary.Members == 0)
        {
            return new Reply { Title = text.Format("Summary.Title", cohort.Id), Paragraphs = [text["Summary.NoCheckIns"]], IsPrivate = true };
        }

        return new Reply
        {
            Title = text.Format("Summary.Title", cohort.Id),
            Fields =
            [
                new ReplyField(text["Summary.Active"], text.Format("Summary.ActiveValue", summary.ActiveToday, summary.ActiveThisWeek, summary.Members)),
                new ReplyField(text["Summary.PerDay"], string.Join('\n', summary.PerDay.Select(entry =>
                    text.Format("Summary.PerDayLine", entry.Day, entry.CheckIns, entry.CheckIns * 100 / summary.Members)))),
                new ReplyField(text.Format("Summary.Inactive", inactiveDays), summary.Inactive.Count == 0
                    ? text["Summary.NoneInactive"]
                    : string.Join(", ", summary.Inactive.Select(MemberReference.Format))),
            ],
            IsPrivate = true,
        };
    }
}
