using System.Text;

namespace DevOps90.Bot.Core.Replies;

/// <summary>
/// Lays out a reply's link lists, already rendered in an adapter's markup, within a budget of characters. Each list
/// is a section: a blank line, its heading, one line per link shown and, when links are left out, a line saying how
/// many ("… and 3 more in the full lesson"). When they do not all fit, every list is shortened evenly (the same
/// number of links each, give or take one), so a topic of many days shows every day rather than the first ones whole
/// and the rest not at all; the full lesson has them all. Only when even the headings alone do not fit are the last
/// lists left out.
/// </summary>
/// <remarks>
/// The text starts with the blank line of the first section, so it can follow prose directly; an adapter that starts a
/// block with it trims the leading newlines (which the budget still counts).
/// </remarks>
public static class LinkListLayout
{
    /// <param name="lists">Each list's heading and link lines, in the adapter's markup.</param>
    /// <param name="more">The line for a list missing this many links, in the adapter's markup.</param>
    /// <param name="budget">The most characters the text may have.</param>
    public static string Fit(IReadOnlyList<RenderedLinkList> lists, Func<int, string> more, int budget)
    {
        if (lists.Count == 0 || budget <= 0)
        {
            return "";
        }

        if (Length(lists, more, 0) > budget)
        {
            return HeadingsInOrderUntilFull(lists, more, budget);
        }

        var shown = ShownPerList(lists, more, budget);
        var builder = new StringBuilder();
        for (var i = 0; i < lists.Count; i++)
        {
            builder.Append(Section(lists[i], more, shown[i]));
        }

        return builder.ToString();
    }

    private static int[] ShownPerList(IReadOnlyList<RenderedLinkList> lists, Func<int, string> more, int budget)
    {
        // The most links per list that fits when every list shows that many (or all it has).
        var perList = lists.Max(list => list.Lines.Length);
        while (perList > 0 && Length(lists, more, perList) > budget)
        {
            perList--;
        }

        // What is left goes as one more link to each list in turn, so no list has two more than another.
        var shown = lists.Select(list => Math.Min(perList, list.Lines.Length)).ToArray();
        var length = Length(lists, more, perList);
        for (var i = 0; i < lists.Count; i++)
        {
            if (shown[i] < lists[i].Lines.Length)
            {
                var longer = length - Section(lists[i], more, shown[i]).Length
                    + Section(lists[i], more, shown[i] + 1).Length;
                if (longer <= budget)
                {
                    shown[i]++;
                    length = longer;
                }
            }
        }

        return shown;
    }

    private static int Length(IReadOnlyList<RenderedLinkList> lists, Func<int, string> more, int perList) =>
        lists.Sum(list => Section(list, more, Math.Min(perList, list.Lines.Length)).Length);

    private static string Section(RenderedLinkList list, Func<int, string> more, int shown)
    {
        var builder = new StringBuilder("\n\n").Append(list.Heading);
        foreach (var line in list.Lines.Take(shown))
        {
            builder.Append('\n').Append(line);
        }

        if (shown < list.Lines.Length)
        {
            builder.Append('\n').Append(more(list.Lines.Length - shown));
        }

        return builder.ToString();
    }

    private static string HeadingsInOrderUntilFull(
        IReadOnlyList<RenderedLinkList> lists, Func<int, string> more, int budget)
    {
        var builder = new StringBuilder();
        foreach (var list in lists)
        {
            var section = Section(list, more, 0);
            if (builder.Length + section.Length > budget)
            {
                break;
            }

            builder.Append(section);
        }

        return builder.ToString();
    }
}
