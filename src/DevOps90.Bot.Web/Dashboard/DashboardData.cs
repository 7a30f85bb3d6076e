using System.Collections.Immutable;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Web.Dashboard;

/// <summary>
/// Gathers a group's dashboard through the bot's own commands, asked as the signed-in moderator: the same data as
/// <c>/participation</c>, <c>/leaderboard all</c>, <c>/status</c> and <c>/cohort</c>, and a change goes through
/// <c>/cohort</c> itself (its validation, its save, and the scheduler following the change).
/// </summary>
internal sealed class DashboardData(CommandDispatcher dispatcher, ParticipationService participation, IMemberProfileStore profiles, ICohortDirectory cohorts)
{
    public async Task<CohortDashboard?> BuildAsync(ModeratorSession session, string cohortId, Reply? outcome, CancellationToken cancellationToken)
    {
        if (cohorts.Find(new CohortId(cohortId)) is not { } cohort)
        {
            return null;
        }

        var summary = await AskAsync(session, cohortId, CommandNames.Participation, [], "summary", cancellationToken).ConfigureAwait(false);
        var streaks = await AskAsync(session, cohortId, CommandNames.Leaderboard, [("period", "all")], null, cancellationToken).ConfigureAwait(false);
        var deliveries = await AskAsync(session, cohortId, CommandNames.Status, [], null, cancellationToken).ConfigureAwait(false);
        var settings = await AskAsync(session, cohortId, CommandNames.Cohort, [("action", "show")], null, cancellationToken).ConfigureAwait(false);
        var activity = await participation.LessonActivityAsync(cohort, cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync([summary, streaks], cancellationToken).ConfigureAwait(false);
        var text = dispatcher.ScopeFor(Request(session, cohortId, CommandNames.Status, [], null)).Text;
        return new CohortDashboard(cohortId, text, activity, summary, streaks, deliveries, settings, outcome, member => names.GetValueOrDefault(member) ?? member);
    }

    /// <summary>Runs <c>/cohort action value</c> as the moderator; the reply says what was saved or what is wrong.</summary>
    public async Task<Reply> ChangeAsync(ModeratorSession session, string cohortId, string action, string? value, CancellationToken cancellationToken) =>
        await AskAsync(session, cohortId, CommandNames.Cohort, value is null ? [("action", action)] : [("action", action), ("value", value)], null, cancellationToken).ConfigureAwait(false);

    private async Task<Reply> AskAsync(ModeratorSession session, string cohortId, string command, (string Name, string Value)[] options, string? subcommand, CancellationToken cancellationToken) =>
        await dispatcher.DispatchAsync(Request(session, cohortId, command, options, subcommand), cancellationToken).ConfigureAwait(false);

    private static CommandRequest Request(ModeratorSession session, string cohortId, string command, (string Name, string Value)[] options, string? subcommand) => new()
    {
        Command = command,
        Subcommand = subcommand,
        Options = options.ToImmutableDictionary(option => option.Name, option => option.Value),
        CohortId = new CohortId(cohortId),
        MemberId = session.MemberId,
        // Checked at sign-in with the same rule as the commands' (ModeratorCheck), and again for this group here.
        IsModerator = session.Moderates(cohortId),
    };

    /// <summary>Moderators see members by the name they show, where the bot knows it, else by their id.</summary>
    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<Reply> replies, CancellationToken cancellationToken)
    {
        var members = replies.SelectMany(reply => reply.Paragraphs.Concat(reply.Fields.Select(field => field.Value)))
            .SelectMany(paragraph => paragraph.Lines).SelectMany(line => line.Spans)
            .Where(span => span.Kind == SpanKind.Member && span.Target is not null).Select(span => span.Target!)
            .Distinct(StringComparer.Ordinal).ToList();
        var found = await profiles.FindAsync(members, cancellationToken).ConfigureAwait(false);
        return found.Values.Where(profile => profile.DisplayName is not null).ToDictionary(profile => profile.MemberId, profile => profile.DisplayName!, StringComparer.Ordinal);
    }
}
