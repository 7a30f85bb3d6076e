using System.Globalization;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Rendering;

/// <summary>
/// A reply's buttons as Block Kit buttons (https://api.slack.com/reference/block-kit/block-elements#button), at most
/// one actions block's worth. A command button carries its command line as its value and an action_id unique in the
/// message; a button whose command or address does not fit Slack's limits is left out rather than cut, since a cut
/// command or address would do something else.
/// </summary>
internal static class SlackButtons
{
    public static List<JsonObject> Render(IEnumerable<ReplyButton> buttons)
    {
        var elements = new List<JsonObject>();
        var index = 0;
        foreach (var button in buttons.Take(SlackLimits.ActionsElements))
        {
            var number = (index++).ToString(CultureInfo.InvariantCulture);
            if (button.Url is { } url)
            {
                if (url.Length <= SlackLimits.ButtonUrl && SlackMrkdwn.IsLinkable(url))
                {
                    elements.Add(SlackBlocks.LinkButton(Label(button.Label, url), SlackRenderer.LinkActionPrefix + number, url));
                }

                continue;
            }

            var command = string.IsNullOrWhiteSpace(button.Command) ? CommandNames.Help : button.Command.Trim();
            if (command.Length <= SlackLimits.ButtonValue)
            {
                elements.Add(SlackBlocks.CommandButton(Label(button.Label, command), SlackRenderer.CommandActionPrefix + number, command));
            }
        }

        return elements;
    }

    // Button text must have at least one character.
    private static string Label(string label, string otherwise)
    {
        var text = label.Trim().Length > 0 ? label.Trim() : otherwise;
        return SlackCutter.Cut(text, SlackLimits.ButtonText);
    }
}
