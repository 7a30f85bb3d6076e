using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>
/// What a member gets for <c>/devops90 ?day kube</c>: Slack shows no suggestions while a command is typed, so the
/// choices come as a private list, the first <see cref="Shown"/> of them, each with what to type.
/// </summary>
internal static class SlackSuggestions
{
    public const int Shown = 25;

    public static Reply Reply(IReadOnlyList<AutocompleteChoice> choices, BotText text)
    {
        if (choices.Count == 0)
        {
            return Core.Replies.Reply.Text(text["Suggestions.None"], isPrivate: true);
        }

        var list = ReplyParagraph.List(choices.Take(Shown).Select(choice => ReplyLine.Of(ReplySpan.Code(choice.Value), " " + choice.Name)));
        return new Reply
        {
            Paragraphs = choices.Count <= Shown ? [list] : [list, text.Format("Suggestions.More", choices.Count - Shown).Trim()],
            IsPrivate = true,
        };
    }
}
