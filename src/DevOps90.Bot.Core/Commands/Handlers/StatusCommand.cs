using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Coordination;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Posts;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/status</c> (moderators): per cohort, the next post time and the last posts with their outcome, from the
/// delivery ledger. In a cohort's channel it shows that cohort; on the console, the console's cohorts; elsewhere, the
/// cohorts whose channels belong to the caller's community (as the platform says), never another community's: a
/// moderator of one server is not one of another. Below them, which instance holds each of the platform's long-lived
/// connections (gateway shards, Socket Mode), when there are several instances to tell apart.
/// </summary>
public sealed class StatusCommand(
    ICohortDirectory cohorts,
    IDeliveryLedger ledger,
    DailyPostService delivery,
    TimeProvider time,
    IEnumerable<ICommunityDirectory>? communities = null,
    IEnumerable<IConnectionReport>? connections = null,
    Coaching.IMilestoneStore? milestones = null) : ICommandHandler
{
    private const int HistoryLength = 5;

    public CommandDefinition Definition { get; } = new(CommandNames.Status, [], ForModerators: true);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        if (await ShownAsync(scope.Request, scope.Cohort, cancellationToken).ConfigureAwait(false) is not { } shown)
        {
            return Reply.Text(scope.Text["Status.InGroupChannel"], isPrivate: true);
        }

        if (shown.Count == 0)
        {
            return Reply.Text(scope.Text["Status.NoCohorts"], isPrivate: true);
        }

        var fields = new List<ReplyField>();
        foreach (var cohort in shown)
        {
            var history = await ledger.RecentAsync(cohort.Id, HistoryLength, cancellationToken).ConfigureAwait(false);
            var refused = await RefusedRoleAsync(scope.Text, cohort, cancellationToken).ConfigureAwait(false);
            fields.Add(new ReplyField(
                scope.Text.Format("Status.Cohort", cohort.Id, cohort.Target, cohort.TimeZoneId),
                string.Join('\n', [NextPost(scope.Text, cohort), .. History(scope.Text, cohort, history), .. refused])));
        }

        if (await ConnectionsAsync(scope.Text, scope.Request.Channel?.Platform, cancellationToken).ConfigureAwait(false) is { } held)
        {
            fields.Add(held);
        }

        return new Reply { Title = scope.Text["Status.Title"], Fields = [.. fields], Footer = ContentLine(scope), IsPrivate = true };
    }

    /// <summary>
    /// The milestone role the platform refused, noted once at the first refusal (and not asked for again while the
    /// cohort names it), with the platform's reason: moderators fix the permission or the role's place.
    /// </summary>
    private async Task<IEnumerable<string>> RefusedRoleAsync(BotText text, Cohort cohort, CancellationToken cancellationToken)
    {
        if (milestones is null || cohort.MilestoneRoleId is not { } role
            || await milestones.RoleProblemAsync(cohort.Id, cancellationToken).ConfigureAwait(false) is not { } problem || problem.RoleId != role)
        {
            return [];
        }

        return ["⚠ " + text.Format("Status.MilestoneRole", role, Local(text, cohort, problem.At), problem.Reason)];
    }

    /// <summary>
    /// One line per instance and kind of connection ("Gateway shards 0-3 of 8: host/12/a1b2c3"), the platform's own
    /// only (all of them on the console); null when no adapter has such connections.
    /// </summary>
    private async Task<ReplyField?> ConnectionsAsync(BotText text, string? platform, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var report in connections ?? [])
        {
            if (platform != ChatTarget.Console.Platform && report.Platform != platform)
            {
                continue;
            }

            var held = await report.HoldersAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            lines.AddRange(held.GroupBy(connection => (connection.Kind, connection.Holder, connection.IsThisInstance))
                .Select(group => "• " + ConnectionLine(text, [.. group])));
        }

        return lines.Count == 0 ? null : new ReplyField(text["Status.Connections"], string.Join('\n', lines));
    }

    private static string ConnectionLine(BotText text, IReadOnlyList<HeldConnection> group)
    {
        var first = group[0];
        var holder = first switch
        {
            { Holder: null } => text["Status.Connection.Unheld"],
            { IsThisInstance: true } => text.Format("Status.Connection.ThisInstance", first.Holder),
            _ => first.Holder,
        };
        return first.Kind switch
        {
            ConnectionKind.SocketMode => text.Format("Status.Connection.SocketMode", holder),
            _ when group.Count == 1 => text.Format("Status.Connection.Shard", first.Number, first.Count, holder),
            _ => text.Format("Status.Connection.Shards", NumberRanges(group.Select(connection => connection.Number)), first.Count, holder),
        };
    }

    /// <summary>"0-3, 5, 7-8": a long list of shards stays one short line.</summary>
    private static string NumberRanges(IEnumerable<int> numbers)
    {
        var ranges = new List<(int First, int Last)>();
        foreach (var number in numbers.Order())
        {
            if (ranges.Count > 0 && ranges[^1].Last == number - 1)
            {
                ranges[^1] = (ranges[^1].First, number);
            }
            else
            {
                ranges.Add((number, number));
            }
        }

        return string.Join(", ", ranges.Select(range => range.First == range.Last
            ? range.First.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{range.First}-{range.Last}")));
    }

    /// <summary>Which content the bot serves right now (a reload changes it), and how many warnings it has.</summary>
    private static string? ContentLine(RequestScope scope) =>
        scope.Index is { Version.Length: > 0 } index ? scope.Text.Format("Status.Content", index.Version, index.WarningCount) : null;

    /// <summary>The cohorts the caller may see here; null when the platform cannot say which community this is.</summary>
    private async Task<IReadOnlyList<Cohort>?> ShownAsync(CommandRequest request, Cohort? own, CancellationToken cancellationToken)
    {
        if (own is not null)
        {
            return [own];
        }

        var platform = request.Channel?.Platform;
        if (platform == ChatTarget.Console.Platform)
        {
            return [.. cohorts.All.Where(cohort => cohort.Target.Platform == platform)];
        }

        if (request.Community is not { } community || communities?.FirstOrDefault(directory => directory.Platform == platform) is not { } directory)
        {
            return null;
        }

        var shown = new List<Cohort>();
        foreach (var cohort in cohorts.All.Where(cohort => cohort.Target.Platform == platform))
        {
            if (await directory.CommunityOfAsync(cohort.Target.Channel, cancellationToken).ConfigureAwait(false) == community)
            {
                shown.Add(cohort);
            }
        }

        return shown;
    }

    private string NextPost(BotText text, Cohort cohort)
    {
        var next = delivery.CalendarFor(cohort) is { } calendar && !cohort.IsPaused ? PostPlanner.NextPostAfter(calendar, time.GetUtcNow()) : null;
        return next is null ? text["Status.NoNextPost"] : text.Format("Status.NextPost", Local(text, cohort, next.PostAt));
    }

    private IEnumerable<string> History(BotText text, Cohort cohort, IReadOnlyList<DeliveryRecord> history)
    {
        if (history.Count == 0)
        {
            yield return text["Status.NoHistory"];
            yield break;
        }

        foreach (var record in history)
        {
            var state = text["Status.State." + record.State];
            var detail = record switch
            {
                { State: DeliveryState.Failed, IsPermanent: false, NextAttemptAt: { } retry } => $"{state} ({text.Format("Status.Retry", Local(text, cohort, retry))}): {record.Reason}",
                { Reason: { } reason } => $"{state}: {reason}",
                _ => state,
            };
            if (cohort.Threads && record.ThreadId == DailyPostService.NoThread)
            {
                detail += " — " + text["Status.NoThread"];
            }

            yield return "• " + text.Format("Status.Line", PostName(text, record.Key.Post), Local(text, cohort, record.ScheduledAt), detail);
        }
    }

    /// <summary>The ledger's "day-3" or "closing" in words.</summary>
    private static string PostName(BotText text, string post) =>
        post.StartsWith("day-", StringComparison.Ordinal) && int.TryParse(post.AsSpan(4), NumberStyles.Integer, CultureInfo.InvariantCulture, out var day)
            ? text.Format("Status.Post.Day", day)
            : post == "closing" ? text["Status.Post.Closing"] : post;

    /// <summary>"Sat 2 Jan 18:00" in the cohort's zone, with the year when it is not this one's ("Thu 31 Dec 2026 18:00").</summary>
    private string Local(BotText text, Cohort cohort, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, cohort.TimeZone);
        var sameYear = local.Year == TimeZoneInfo.ConvertTime(time.GetUtcNow(), cohort.TimeZone).Year;
        return local.ToString(sameYear ? "ddd d MMM HH:mm" : "ddd d MMM yyyy HH:mm", text.Culture);
    }
}
