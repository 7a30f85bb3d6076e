using System.Globalization;
using System.Text.RegularExpressions;
using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/cohort action value</c> (moderators): creates this channel's study group and changes its settings, each value
/// checked with a clear message; a saved change reaches the scheduler at once. Archive and delete end the group.
/// </summary>
public sealed partial class CohortCommand(CohortRegistry registry, BotDefaults defaults, TimeProvider time, LeaderboardMessages? leaderboards = null, ContentLibrary? content = null, GroupPageAddress? pages = null) : ICommandHandler
{
    private const string FreezeEvery = "freeze-every";
    private const string FreezeMax = "freeze-max";

    private static readonly string[] _actions = ["show", "create", "start", "time", "zone", "curriculum", "language", "cadence", "skip", "role", "pause", "resume", "channel", "leaderboard", "page", "threads", "milestones", "milestone-role", FreezeEvery, FreezeMax, CohortEnding.Archive, CohortEnding.Delete];

    private readonly CohortEnding _ending = new(registry, defaults);

    public CommandDefinition Definition { get; } = new(CommandNames.Cohort, [
        new CommandOption("action", OptionKind.Text, Required: true, Autocomplete: true),
        new CommandOption("value", OptionKind.Text, Autocomplete: true),
    ], ForModerators: true);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var text = scope.Text;
        var typed = scope.Request.Option("action") ?? "show";
        var value = scope.Request.Option("value");
        if (typed.Split(':', 2) is [var named, var confirmed])
        {
            // A confirmation button carries "archive:<id>" in the one option a button fills.
            (typed, value) = (named, confirmed);
        }

        var action = typed.ToLowerInvariant();

        if (!_actions.Contains(action))
        {
            return Reply.Error(text.Format("Cohort.Error.Action", Quoted.Cap(action), string.Join(", ", _actions)));
        }

        if (action == "create")
        {
            return await CreateAsync(scope, value, cancellationToken).ConfigureAwait(false);
        }

        if (action is CohortEnding.Archive or CohortEnding.Delete)
        {
            return await _ending.HandleAsync(scope, action, value, cancellationToken).ConfigureAwait(false);
        }

        if (scope.Cohort is not { } cohort)
        {
            return Reply.Error(text["Cohort.Error.NoCohort"]);
        }

        if (action == "show")
        {
            return Show(text, cohort, scope.Today);
        }

        // Applied to the cohort as stored when saved: if another instance changed it meanwhile, this change is made
        // again on that version (and checked again: a pause made meanwhile answers "already paused").
        string? error = null;
        var update = await registry.UpdateAsync(
            cohort.Id,
            current =>
            {
                var (changed, problem) = Apply(scope, current, action, value);
                error = problem;
                return changed;
            },
            cancellationToken).ConfigureAwait(false);
        if (update is not { Status: CohortUpdateStatus.Saved, Cohort: { } saved })
        {
            return Reply.Error(update.Status switch
            {
                CohortUpdateStatus.Gone => text["Cohort.Error.NoCohort"],
                CohortUpdateStatus.Conflict => text["Cohort.Error.Busy"],
                CohortUpdateStatus.ChannelTaken => text["Cohort.Error.ChannelTaken"],
                _ => error ?? text["Cohort.Error.Value"],
            });
        }

        if (action == "leaderboard" && saved.LeaderboardMessage && leaderboards is not null)
        {
            // Turned on: the message appears now rather than after the next daily post.
            await leaderboards.RefreshAsync(saved.Id, cancellationToken).ConfigureAwait(false);
        }

        return Show(text, saved, scope.Today) with { Paragraphs = [text.Format("Cohort.Saved", action), .. PageNotice(text, action, saved)] };
    }

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed)
    {
        var wanted = typed.Trim();
        if (optionName == "action")
        {
            return [.. _actions.Where(action => action.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).Select(action => new AutocompleteChoice(action, action))];
        }

        if (optionName != "value")
        {
            return [];
        }

        var folded = TextFolding.Fold(wanted);
        return scope.Request.Option("action")?.ToLowerInvariant() switch
        {
            "zone" => ZoneChoices.Suggest(wanted),
            FreezeEvery => Numbers(wanted, "0", "7", "10", "14"),
            FreezeMax => Numbers(wanted, "0", "1", "2", "3"),
            "curriculum" => [.. (Index(scope)?.CurriculumIds ?? [])
                .Where(id => id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
                .Select(id => new AutocompleteChoice($"{id} — {Index(scope)!.FindBest(id, scope.Language)?.Title ?? id}", id))],
            "language" => [.. LanguagesOf(Index(scope), scope.Cohort?.CurriculumId ?? scope.CurriculumId)
                .Select(code => new AutocompleteChoice($"{code} — {scope.Text.LanguageName(code)}", code))
                .Where(choice => TextFolding.Fold(choice.Name).Contains(folded, StringComparison.Ordinal))],
            _ => [],
        };
    }

    private static List<AutocompleteChoice> Numbers(string typed, params string[] usual) =>
        [.. usual.Where(number => number.StartsWith(typed, StringComparison.Ordinal)).Select(number => new AutocompleteChoice(number, number))];

    /// <summary>
    /// The languages a group on <paramref name="curriculumId"/> may choose: those its lessons are written in (from the
    /// content index), and those the bot speaks (a lesson missing in one is shown in the edition's own language, saying so).
    /// </summary>
    private static List<string> LanguagesOf(CurriculumIndex? index, string curriculumId) =>
        [.. (index?.Curricula ?? []).Where(curriculum => curriculum.Id == curriculumId).Select(curriculum => curriculum.Language)
            .Concat(BotText.Languages)
            .Distinct(StringComparer.Ordinal)];

    private (Cohort? Changed, string? Error) Apply(RequestScope scope, Cohort cohort, string action, string? value)
    {
        var text = scope.Text;
        var today = StudyCalendar.LocalDate(time.GetUtcNow(), cohort.TimeZone);
        if (value is null && action is not ("pause" or "resume" or "channel" or "role" or "language" or "milestone-role"))
        {
            return (null, text["Cohort.Error.Value"]);
        }

        switch (action)
        {
            case "start" or "skip":
                if (!IsoDate.TryParse(value, out var date))
                {
                    return (null, text.Format("Cohort.Error.Date", Quoted.Cap(value)));
                }

                return action == "start"
                    ? (cohort with { StartDate = date }, null)
                    : (cohort with { SkippedDates = Toggle(cohort.SkippedDates, date) }, null);
            case "time":
                return TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var postTime)
                    ? (cohort with { PostTime = postTime }, null)
                    : (null, text.Format("Cohort.Error.Time", Quoted.Cap(value)));
            case "zone":
                return ZoneChoices.TryFind(value, out var zone)
                    ? (cohort with { TimeZoneId = zone.Id }, null)
                    : (null, text.Format("Cohort.Error.Zone", Quoted.Cap(value)));
            case "curriculum":
                var index = Index(scope);
                return index is null || index.CurriculumIds.Contains(value!.Trim())
                    ? (cohort with { CurriculumId = value!.Trim() }, null)
                    : (null, text.Format("Cohort.Error.Curriculum", Quoted.Cap(value), string.Join(", ", index.CurriculumIds)));
            case "language":
                if (value is null or "none")
                {
                    return (cohort with { Language = null }, null);
                }

                var languages = LanguagesOf(Index(scope), cohort.CurriculumId);
                var language = LanguageCode.Normalize(value);
                return languages.Contains(language)
                    ? (cohort with { Language = language }, null)
                    : (null, text.Format("Cohort.Error.Language", Quoted.Cap(value), string.Join(", ", languages)));
            case "cadence":
                return Cadence.TryParse(value, out var cadence) ? (cohort with { Cadence = cadence }, null) : (null, text.Format("Cohort.Error.Cadence", Quoted.Cap(value)));
            case "role":
                // The platform's adapter has turned a typed mention into the bare id it names.
                return (cohort with { MentionRoleId = value is null or "none" ? null : value.Trim() }, null);
            case "leaderboard":
                return OnOff(value!) is { } board ? (cohort with { LeaderboardMessage = board }, null) : (null, text.Format("Cohort.Error.OnOff", Quoted.Cap(value)));
            case "page":
                return OnOff(value!) is { } page ? (cohort with { PublicPage = page }, null) : (null, text.Format("Cohort.Error.OnOff", Quoted.Cap(value)));
            case "threads":
                return OnOff(value!) is { } threads ? (cohort with { Threads = threads }, null) : (null, text.Format("Cohort.Error.OnOff", Quoted.Cap(value)));
            case "milestones":
                return CohortMilestones.TryParse(value!, out var milestones)
                    ? (cohort with { Milestones = milestones }, null)
                    : (null, text.Format("Cohort.Error.Milestones", Quoted.Cap(value)));
            case FreezeEvery:
                return FreezeSettings.Parse(value, FreezeSettings.MostDaysPerFreeze) is { } every
                    ? (cohort with { FreezeEvery = every }, null)
                    : (null, text.Format("Cohort.Error.FreezeEvery", Quoted.Cap(value), FreezeSettings.MostDaysPerFreeze));
            case FreezeMax:
                return FreezeSettings.Parse(value, FreezeSettings.MostHeld) is { } held
                    ? (cohort with { FreezeMax = held }, null)
                    : (null, text.Format("Cohort.Error.FreezeMax", Quoted.Cap(value), FreezeSettings.MostHeld));
            case "milestone-role":
                // As for "role": the adapter turned a mention into its id. Slack has no roles; the setting is then unused.
                return (cohort with { MilestoneRoleId = value is null or "none" ? null : value.Trim() }, null);
            case "pause":
                return cohort.IsPaused ? (null, text["Cohort.Error.AlreadyPaused"]) : (cohort.PausedFrom(today), null);
            case "resume":
                return cohort.IsPaused ? (cohort.ResumedOn(today), null) : (null, text["Cohort.Error.NotPaused"]);
            default:
                return MoveTo(scope, cohort);
        }
    }

    /// <summary>
    /// "channel": to the channel the command came from, unless another active group is there (one group per channel,
    /// as for "create"; the database refuses a second created group even when this instance has not heard of it yet).
    /// </summary>
    private (Cohort? Changed, string? Error) MoveTo(RequestScope scope, Cohort cohort)
    {
        if (scope.Request.Channel is not { } channel)
        {
            return (null, scope.Text["Cohort.Error.Value"]);
        }

        return registry.All.Any(other => other.Target == channel && other.Id != cohort.Id)
            ? (null, scope.Text["Cohort.Error.ChannelTaken"])
            : (cohort with { Target = channel }, null);
    }

    private static bool? OnOff(string value) => value.ToLowerInvariant() switch
    {
        "on" or "true" or "yes" or "oui" => true,
        "off" or "false" or "no" or "non" => false,
        _ => null,
    };

    /// <summary>After <c>/cohort page on</c>: the page's address, or why there is none to give.</summary>
    private IEnumerable<ReplyParagraph> PageNotice(BotText text, string action, Cohort cohort)
    {
        if (action != "page" || !cohort.PublicPage)
        {
            return [];
        }

        return pages?.For(cohort) is { } address
            ? [text.Line("Page.Address", ReplySpan.Link(address.ToString(), address.ToString()))]
            : [text.Format("Cohort.Page.NoAddress", GroupPageAddress.PathPrefix + cohort.Id)];
    }

    /// <summary>"skip" adds a date, or takes it back out when it was already skipped.</summary>
    private static System.Collections.Immutable.ImmutableSortedSet<DateOnly> Toggle(System.Collections.Immutable.ImmutableSortedSet<DateOnly> dates, DateOnly date)
    {
        var without = dates.Remove(date);
        return without.Count < dates.Count ? without : dates.Add(date);
    }

    private async Task<Reply> CreateAsync(RequestScope scope, string? id, CancellationToken cancellationToken)
    {
        var text = scope.Text;
        if (scope.Cohort is { } existing)
        {
            return Reply.Error(text.Format("Cohort.Error.Exists", existing.Id));
        }

        if (id is null || !CohortName().IsMatch(id))
        {
            return Reply.Error(text["Cohort.Error.Id"]);
        }

        if (registry.IsTaken(new CohortId(id)))
        {
            return Reply.Error(text.Format("Cohort.Error.IdTaken", Quoted.Cap(id)));
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(defaults.TimeZoneId);
        var cohort = new Cohort
        {
            Id = new CohortId(id),
            CurriculumId = defaults.CurriculumId,
            StartDate = StudyCalendar.LocalDate(time.GetUtcNow(), zone).AddDays(1),
            TimeZoneId = defaults.TimeZoneId,
            Target = scope.Request.Channel ?? ChatTarget.Console,
        };
        if (!await registry.CreateAsync(cohort, cancellationToken).ConfigureAwait(false))
        {
            // Another instance created this id, or a cohort for this channel, meanwhile: never overwritten. The
            // registry has read the id again; a cohort for the channel under another id it learns by a resync.
            if (!registry.IsTaken(cohort.Id))
            {
                await registry.ResyncAsync(cancellationToken).ConfigureAwait(false);
            }

            return Reply.Error(registry.FindByTarget(cohort.Target) is { } there
                ? text.Format("Cohort.Error.Exists", there.Id)
                : text.Format("Cohort.Error.IdTaken", Quoted.Cap(id)));
        }

        return Reply.Text(text.Format("Cohort.Created", id, text.Date(cohort.StartDate, scope.Today), cohort.PostTime.ToString("HH:mm", CultureInfo.InvariantCulture), cohort.TimeZoneId), isPrivate: true);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CohortName();

    /// <summary>The index the request started with; null when the bot was built without content (some tests).</summary>
    private CurriculumIndex? Index(RequestScope scope) => scope.Index ?? content?.Current;
}
