using System.Text;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Rendering;

/// <summary>
/// A reply's link lists as mrkdwn ("*Heading*" then "• &lt;url|title&gt;" lines) within a budget of characters. When
/// they do not all fit, every list is shortened evenly (the same number of links each, give or take one) and ends
/// with how many more its lesson has, so a topic of many days shows every day rather than the first ones whole; only
/// when even the headings do not fit are the last lists left out. The full lesson, linked under the title, has them all.
/// </summary>
internal static class SlackLinkLists
{
    private const int TitleLength = 200;
    private const int HeadingLength = 200;

    public static string Render(IReadOnlyList<ReplyLinkList> lists, BotText text, int budget)
    {
        if (lists.Count == 0 || budget <= 0)
        {
            return "";
        }

        var lines = lists.Select(list => list.Links.Select(link => "\n" + SlackMrkdwn.Bullet + Link(link)).ToArray()).ToArray();
        var headings = lists.Select(list => "\n\n" + Heading(list.Heading)).ToArray();
        if (Length(headings, lines, text, 0) > budget)
        {
            return InOrderUntilFull(headings, lines, text, budget);
        }

        // The most links per list that fits when every list shows that many (or all it has).
        var perList = lines.Max(links => links.Length);
        while (perList > 0 && Length(headings, lines, text, perList) > budget)
        {
            perList--;
        }

        // What is left goes as one more link to each list in turn, so no list has two more than another.
        var shown = lines.Select(links => Math.Min(perList, links.Length)).ToArray();
        var length = Length(headings, lines, text, perList);
        for (var i = 0; i < lines.Length; i++)
        {
            if (shown[i] < lines[i].Length)
            {
                var longer = length - Section(headings[i], lines[i], text, shown[i]).Length
                    + Section(headings[i], lines[i], text, shown[i] + 1).Length;
                if (longer <= budget)
                {
                    shown[i]++;
                    length = longer;
                }
            }
        }

        var builder = new StringBuilder(length);
        for (var i = 0; i < lines.Length; i++)
        {
            builder.Append(Section(headings[i], lines[i], text, shown[i]));
        }

        return builder.ToString().TrimStart('\n');
    }

    private static string Heading(string heading) => SlackMrkdwn.Bold(SlackCutter.Cut(heading, HeadingLength));

    private static string Link(ReplyLink link) => SlackMrkdwn.Link(link.Url, SlackCutter.Cut(link.Title, TitleLength));

    private static int Length(string[] headings, string[][] lines, BotText text, int perList) =>
        headings.Select((heading, i) => Section(heading, lines[i], text, Math.Min(perList, lines[i].Length)).Length).Sum();

    private static string Section(string heading, string[] lines, BotText text, int shown) =>
        heading + string.Concat(lines.Take(shown))
        + (shown < lines.Length ? "\n" + SlackMrkdwn.Escape(text.Format("Reply.MoreLinks", lines.Length - shown)) : "");

    private static string InOrderUntilFull(string[] headings, string[][] lines, BotText text, int budget)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < headings.Length; i++)
        {
            var section = Section(headings[i], lines[i], text, 0);
            if (builder.Length + section.Length > budget)
            {
                break;
            }

            builder.Append(section);
        }

        return builder.ToString().TrimStart('\n');
    }
}
