using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Participation;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// <c>/page [show|hide]</c>: the study group's web page address, and whether the member's name appears on the web
/// pages' leaderboards; <c>hide</c> takes them off every group's page at once, <c>show</c> puts them back. Private.
/// </summary>
public sealed class PageCommand(ParticipationService participation, GroupPageAddress? pages = null) : ICommandHandler
{
    private static readonly string[] _choices = ["show", "hide"];

    public CommandDefinition Definition { get; } = new(CommandNames.Page, [new CommandOption("visibility", OptionKind.Text, Autocomplete: true)]);

    public async ValueTask<Reply> HandleAsync(RequestScope scope, CancellationToken cancellationToken = default)
    {
        var text = scope.Text;
        var member = scope.Request.MemberId;
        var wanted = scope.Request.Option("visibility")?.ToLowerInvariant();
        if (wanted is not null && !_choices.Contains(wanted))
        {
            return Reply.Error(text.Format("Page.Error.Choice", Quoted.Cap(wanted)));
        }

        if (wanted is not null)
        {
            await participation.SetHiddenAsync(member, wanted == "hide", cancellationToken).ConfigureAwait(false);
        }

        var hidden = await participation.IsHiddenAsync(member, cancellationToken).ConfigureAwait(false);
        return new Reply
        {
            Paragraphs = [Address(text, scope.Cohort), text[hidden ? "Page.You.Hidden" : "Page.You.Shown"]],
            IsPrivate = true,
        };
    }

    public IReadOnlyList<AutocompleteChoice> Complete(RequestScope scope, string optionName, string typed) =>
        optionName == "visibility"
            ? [.. _choices.Where(choice => choice.StartsWith(typed.Trim(), StringComparison.OrdinalIgnoreCase)).Select(choice => new AutocompleteChoice(choice, choice))]
            : [];

    private ReplyParagraph Address(BotText text, Cohort? cohort)
    {
        if (cohort is null)
        {
            return text["Page.NoCohort"];
        }

        return pages?.For(cohort) is { } address
            ? text.Line("Page.Address", ReplySpan.Link(address.ToString(), address.ToString()))
            : text["Page.Off"];
    }
}
