using DevOps90.Bot.Core.Coaching;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/milestones [on|off]</c>: whether the member is congratulated (and given the milestone role) at the milestones
/// of their study groups; without a value, says which. Private.
/// </summary>
public sealed class MilestonesCommand(IMilestoneStore store) : ICommandHandler
{
    private static readonly string[] _states = ["on", "off"];

    public CommandDefinition Definition { get; } = new(CommandNames.Milestones, [new CommandOption("state", OptionKind.Text, Autocomplete: true)]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var text = scope.Text;
        var member = scope.Request.MemberId;
        switch (scope.Request.Option("state")?.ToLowerInvariant())
        {
            case null:
                var off = await store.IsOptedOutAsync(member, cancellationToken).ConfigureAwait(false);
                return Reply.Text(text[off ? "Milestones.You.Off" : "Milestones.You.On"], isPrivate: true);
            case "on":
                await store.SetOptedOutAsync(member, optedOut: false, cancellationToken).ConfigureAwait(false);
                return Reply.Text(text["Milestones.You.On"], isPrivate: true);
            case "off":
                await store.SetOptedOutAsync(member, optedOut: true, cancellationToken).ConfigureAwait(false);
                return Reply.Text(text["Milestones.You.Off"], isPrivate: true);
            case var other:
                return Reply.Error(text.Format("Milestones.Error.State", Quoted.Cap(other)));
        }
    }

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
        optionName == "state"
            ? [.. _states.Where(value => value.StartsWith(typed.Trim(), StringComparison.OrdinalIgnoreCase)).Select(value => new AutocompleteChoice(value, value))]
            : [];
}
