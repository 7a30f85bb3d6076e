using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary><c>/leaderboard [week|month|all]</c>: the cohort's top 10, periods in the cohort's time zone.</summary>
public sealed class LeaderboardCommand(ParticipationService participation, Coaching.IShareStore? shares = null) : ICommandHandler
{
    private static readonly string[] _periods = ["week", "month", "all"];

    public CommandDefinition Definition { get; } = new(CommandNames.Leaderboard, [new CommandOption("period", OptionKind.Text, Autocomplete: true)]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.Cohort is not { } cohort)
        {
            return Reply.Error(scope.Text["Error.NoCohort"]);
        }

        var raw = scope.Request.Option("period") ?? "week";
        if (!TryParse(raw, out var period))
        {
            return Reply.Error(scope.Text.Format("Leaderboard.BadPeriod", Quoted.Cap(raw)));
        }

        var lines = await participation.LeaderboardAsync(cohort, period, cancellationToken: cancellationToken).ConfigureAwait(false);
        var board = Compose(scope.Text, period, lines);
        var sharers = shares is null ? [] : await shares.TopAsync(cohort.Id, SharersShown, cancellationToken).ConfigureAwait(false);
        // The second ranking, learning in public: shares over the whole run, shown once somebody has shared.
        return sharers.Count == 0 ? board : board with
        {
            Fields = [new ReplyField(scope.Text["Leaderboard.Shares"], ReplyParagraph.Of(sharers.Select((line, index) =>
                scope.Text.Line("Leaderboard.SharesLine", index + 1, ReplySpan.Member(line.MemberId), line.Shares))))],
        };
    }

    private const int SharersShown = 5;

    /// <summary>The leaderboard as everyone sees it, also in the message the bot keeps up to date (<see cref="LeaderboardMessages"/>).</summary>
    public static Reply Compose(BotText text, LeaderboardPeriod period, IReadOnlyList<LeaderboardLine> lines) => new()
    {
        Title = text["Leaderboard.Title." + period],
        Paragraphs = [lines.Count == 0
            ? text["Leaderboard.Empty"]
            : ReplyParagraph.Of(lines.Select(line => text.Line("Leaderboard.Line", line.Rank, ReplySpan.Member(line.MemberId), line.DaysDone, line.Streak)))],
    };

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
        optionName == "period"
            ? [.. _periods.Where(value => value.StartsWith(typed.Trim(), StringComparison.OrdinalIgnoreCase)).Select(value => new AutocompleteChoice(value, value))]
            : [];

    private static bool TryParse(string raw, out LeaderboardPeriod period)
    {
        period = TextFolding.Fold(raw) switch
        {
            "week" or "semaine" => LeaderboardPeriod.Week,
            "month" or "mois" => LeaderboardPeriod.Month,
            "all" or "tout" => LeaderboardPeriod.All,
            _ => (LeaderboardPeriod)(-1),
        };
        return Enum.IsDefined(period);
    }
}
