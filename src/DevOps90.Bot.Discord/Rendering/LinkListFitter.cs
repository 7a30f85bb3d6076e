using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Discord.Rendering;

/// <summary>
/// The link lists of a reply as embed markdown ("**Heading**" then "• [title](url)" lines) within a budget of
/// characters, shortened evenly across lists when they do not all fit (<see cref="LinkListLayout"/>).
/// </summary>
internal static class LinkListFitter
{
    public static string Render(IReadOnlyList<ReplyLinkList> lists, BotText text, int budget)
    {
        var rendered = lists.Select(list => new RenderedLinkList(
            $"**{list.Heading}**", [.. list.Links.Select(link => $"• {Link(link)}")]));
        return LinkListLayout.Fit([.. rendered], hidden => text.Format("Reply.MoreLinks", hidden), budget);
    }

    private static string Link(ReplyLink link) => $"[{Escape(TextCutter.Cut(link.Title, 200))}]({link.Url})";

    // Brackets in a title would end the link text early.
    private static string Escape(string title) =>
        title.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
