using System.Text;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Discord.Rendering;

/// <summary>
/// The link lists of a reply as embed markdown within a budget of characters. When they do not all fit, every list is
/// shortened evenly (the same number of links each, give or take one) and ends with how many more its lesson has, so
/// a topic of many days shows every day rather than the first ones whole and the rest not at all. Only when even the
/// headings alone do not fit are the last lists left out.
/// </summary>
internal static class LinkListFitter
{
    public static string Render(IReadOnlyList<ReplyLinkList> lists, BotText text, int budget)
    {
        if (lists.Count == 0 || budget <= 0)
        {
            return "";
        }

        var lines = lists.Select(list => list.Links.Select(link => $"\n• {Link(link)}").ToArray()).ToArray();
        var headings = lists.Select(list => $"\n\n**{list.Heading}**").ToArray();
        var most = lines.Max(links => links.Length);

        // The most links per list that fits when every list shows that many (or all it has).
        var perList = most;
        while (perList > 0 && Length(headings, lines, text, perList) > budget)
        {
            perList--;
        }

        if (Length(headings, lines, text, 0) > budget)
        {
            return InOrderUntilFull(headings, lines, text, budget);
        }

        // What is left goes as one more link to each list in turn, so no list has two more than another.
        var shown = lines.Select(links => Math.Min(perList, links.Length)).ToArray();
        var length = Length(headings, lines, text, perList);
        for (var i = 0; i < lines.Length; i++)
        {
            if (shown[i] < lines[i].Length)
            {
                var longer = length - Section(headings[i], lines[i], text, shown[i]).Length + Section(headings[i], lines[i], text, shown[i] + 1).Length;
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

        return builder.ToString();
    }

    public static string Link(ReplyLink link) => $"[{Escape(TextCutter.Cut(link.Title, 200))}]({link.Url})";

    private static int Length(string[] headings, string[][] lines, BotText text, int perList) =>
        headings.Select((heading, i) => Section(heading, lines[i], text, Math.Min(perList, lines[i].Length)).Length).Sum();

    private static string Section(string heading, string[] lines, BotText text, int shown) =>
        heading + string.Concat(lines.Take(shown)) + (shown < lines.Length ? "\n" + text.Format("Discord.More", lines.Length - shown) : "");

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

        return builder.ToString();
    }

    // Brackets in a title would end the link text early.
    private static string Escape(string title) => title.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
