using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Rendering;

/// <summary>
/// A reply's link lists as mrkdwn ("*Heading*" then "• &lt;url|title&gt;" lines) within a budget of characters,
/// shortened evenly across lists when they do not all fit (<see cref="LinkListLayout"/>). The full lesson, linked under
/// the title, has them all.
/// </summary>
internal static class SlackLinkLists
{
    private const int TitleLength = 200;
    private const int HeadingLength = 200;

    public static string Render(IReadOnlyList<ReplyLinkList> lists, BotText text, int budget)
    {
        var rendered = lists.Select(list => new RenderedLinkList(
            Heading(list.Heading), [.. list.Links.Select(link => SlackMrkdwn.Bullet + Link(link))]));
        var layout = LinkListLayout.Fit(
            [.. rendered], hidden => SlackMrkdwn.Escape(text.Format("Reply.MoreLinks", hidden)), budget);

        // The text goes in a section block of its own, where the blank line before the first heading would show.
        return layout.TrimStart('\n');
    }

    private static string Heading(string heading) => SlackMrkdwn.Bold(SlackCutter.Cut(heading, HeadingLength));

    private static string Link(ReplyLink link) => SlackMrkdwn.Link(link.Url, SlackCutter.Cut(link.Title, TitleLength));
}
