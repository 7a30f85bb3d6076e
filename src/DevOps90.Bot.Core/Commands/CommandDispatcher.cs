using System.Collections.Frozen;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Core.Telemetry;

namespace DevOps90.Bot.Core.Commands;

/// <summary>Finds the handler of a command by name and gives it the request's resolved scope.</summary>
public sealed class CommandDispatcher
{
    private readonly FrozenDictionary<string, ICommandHandler> _handlers;
    private readonly ICohortDirectory _cohorts;
    private readonly BotDefaults _defaults;
    private readonly TimeProvider _time;
    private readonly ContentLibrary? _content;
    private readonly BotMetrics? _metrics;

    public CommandDispatcher(
        IEnumerable<ICommandHandler> handlers,
        ICohortDirectory cohorts,
        BotDefaults defaults,
        TimeProvider time,
        ContentLibrary? content = null,
        BotMetrics? metrics = null)
    {
        _content = content;
        _metrics = metrics;
        _handlers = handlers.ToFrozenDictionary(handler => handler.Definition.Name, StringComparer.OrdinalIgnoreCase);
        _cohorts = cohorts;
        _defaults = defaults;
        _time = time;
    }

    public IEnumerable<CommandDefinition> Commands => _handlers.Values.Select(handler => handler.Definition).OrderBy(definition => definition.Name, StringComparer.Ordinal);

    public CommandDefinition? Find(string name) => _handlers.GetValueOrDefault(name)?.Definition;

    public async ValueTask<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var platform = PlatformOf(request);
        using var activity = BotMetrics.Activities.StartActivity("command " + request.Command);
        activity?.SetTag("platform", platform);
        var outcome = CommandOutcome.Failed;
        try
        {
            var scope = ScopeFor(request);
            request = scope.Request;
            Reply reply;
            if (!_handlers.TryGetValue(request.Command, out var handler))
            {
                outcome = CommandOutcome.Unknown;
                reply = Reply.Error(scope.Text.Format("Error.UnknownCommand", Quoted.Cap(request.Command)));
            }
            else if (handler.Definition.ForModerators && !request.IsModerator)
            {
                outcome = CommandOutcome.Refused;
                reply = Reply.Error(scope.Text.Format("Error.ModeratorsOnly", Quoted.Cap(request.Command)));
            }
            else
            {
                reply = await handler.HandleAsync(scope, cancellationToken).ConfigureAwait(false);
                outcome = CommandOutcome.Answered;
            }

            // Renderers need the language for their own few words and typography.
            return reply with { Language = scope.Text.Language };
        }
        finally
        {
            activity?.SetTag("outcome", outcome.ToString());
            // An unknown name is the member's typing: counted under one label, so typos cannot grow the series.
            var name = outcome == CommandOutcome.Unknown ? "(unknown)" : request.Command.ToLowerInvariant();
            _metrics?.CommandAnswered(platform, name, outcome, _time.GetElapsedTime(started));
        }
    }

    /// <summary>The channel's platform, else the member's ("discord:123"): a private message has no cohort channel.</summary>
    private static string PlatformOf(CommandRequest request) =>
        request.Channel?.Platform
        ?? (request.MemberId.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? request.MemberId[..colon] : "console");

    public IReadOnlyList<AutocompleteChoice> Complete(CommandRequest request, string optionName, string typed) =>
        _handlers.TryGetValue(request.Command, out var handler) ? handler.Complete(ScopeFor(request), optionName, typed) : [];

    public RequestScope ScopeFor(CommandRequest request)
    {
        var cohort = request.CohortId is { } id ? _cohorts.Find(id) : null;
        if (!request.IsModerator && cohort is not null && cohort.NamesModerator(request.MemberId, request.MemberRoles))
        {
            // The cohort's own moderators, decided here for every command and button, whatever the platform showed.
            request = request with { IsModerator = true };
        }

        var language = LanguageChoice.Choose(cohort?.Language, request.UserLocale, request.ServerLocale, _defaults.Language);
        var zone = cohort?.TimeZone ?? TimeZoneInfo.FindSystemTimeZoneById(_defaults.TimeZoneId);
        return new RequestScope(
            request,
            cohort,
            cohort?.CurriculumId ?? _defaults.CurriculumId,
            language,
            LanguageChoice.TextFor(language, _defaults.Language),
            StudyCalendar.LocalDate(_time.GetUtcNow(), zone),
            _content?.Current);
    }
}
