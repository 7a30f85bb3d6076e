using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/cohort archive</c> and <c>/cohort delete</c>: end a study group made with <c>/cohort create</c>, after a
/// confirmation (the button, or the group's id typed as the value). Groups from the settings end there instead.
/// </summary>
internal sealed class CohortEnding(CohortRegistry registry, BotDefaults defaults)
{
    public const string Archive = "archive";
    public const string Delete = "delete";

    public async Task<Reply> HandleAsync(RequestScope scope, string action, string? value, CancellationToken cancellationToken)
    {
        var text = scope.Text;
        if (Target(scope, action, value) is not { } stored)
        {
            return Reply.Error(text["Cohort.Error.NoCohort"]);
        }

        var id = stored.Cohort.Id;
        if (stored.Origin == CohortOrigin.Settings)
        {
            return Reply.Error(text.Format("Cohort.Error.FromSettings", id));
        }

        if (value is null)
        {
            return new Reply
            {
                Paragraphs = [text.Format(action == Archive ? "Cohort.Archive.Ask" : "Cohort.Delete.Ask", id, (int)defaults.Retention.TotalDays)],
                Buttons = [new ReplyButton(text.Format(action == Archive ? "Cohort.Archive.Button" : "Cohort.Delete.Button", id), Command: $"{CommandNames.Cohort} {action}:{id}")],
                IsPrivate = true,
            };
        }

        if (value != id.Value)
        {
            return Reply.Error(text.Format("Cohort.Error.Confirm", Quoted.Cap(value), id));
        }

        if (action == Archive)
        {
            await registry.ArchiveAsync(id, cancellationToken).ConfigureAwait(false);
            var until = scope.Today.AddDays((int)Math.Ceiling(defaults.Retention.TotalDays));
            return Reply.Text(text.Format("Cohort.Archived", id, text.Date(until)), isPrivate: true);
        }

        await registry.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        return Reply.Text(text.Format("Cohort.Deleted", id), isPrivate: true);
    }

    /// <summary>The channel's group; for a deletion, also a group of this channel that was archived before.</summary>
    private StoredCohort? Target(RequestScope scope, string action, string? value)
    {
        if (scope.Cohort is { } active)
        {
            return new StoredCohort(active, true, registry.OriginOf(active.Id) ?? CohortOrigin.Settings);
        }

        return action == Delete && value is not null
            ? registry.Inactive.FirstOrDefault(item => item.Cohort.Id.Value == value && item.Status == CohortStatus.Archived && item.Cohort.Target == scope.Request.Channel)
            : null;
    }
}
