using DevOps90.Bot.Core.Curricula;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// The lesson's own video: a thumbnail image linked to a video site (<c>[![Watch](thumb.png)](https://youtu.be/…)</c>)
/// placed before the lesson's first paragraph of prose, as the 2024 edition and several translations open their days.
/// A thumbnail further down (a walkthrough of one step) is an ordinary link, not the lesson's video.
/// </summary>
internal static class LessonVideo
{
    public static (LinkInline Link, Resource Resource)? Find(LessonSections sections)
    {
        foreach (var section in sections.All.Where(section => !section.IsResources))
        {
            foreach (var paragraph in section.Blocks.OfType<ParagraphBlock>())
            {
                var thumbnail = InlineText.FirstLink(paragraph.Inline, IsVideoThumbnail);
                if (thumbnail is not null)
                {
                    var alt = InlineText.Of(thumbnail);
                    return (thumbnail, new Resource(alt.Length == 0 ? "Video" : alt, thumbnail.Url!.Trim()));
                }

                // Prose about the speaker or under a "Video" heading does not end the lesson's opening.
                if (!section.IsAside && !InlineText.IsOnlyLinks(paragraph.Inline))
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static bool IsVideoThumbnail(LinkInline link) =>
        link is { IsImage: false, Url: { } url }
        && link.Any(child => child is LinkInline { IsImage: true })
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && IsVideoHost(uri.Host);

    private static bool IsVideoHost(string host) =>
        host.Equals("youtu.be", StringComparison.OrdinalIgnoreCase)
        || host.Equals("youtube.com", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".youtube.com", StringComparison.OrdinalIgnoreCase)
        || host.Equals("vimeo.com", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".vimeo.com", StringComparison.OrdinalIgnoreCase);
}
