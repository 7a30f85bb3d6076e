using Markdig.Syntax;

namespace DevOps90.Bot.Content.Parsing;

internal sealed record HeadingInfo(string Text, int Level, HeadingBlock Block);

/// <summary>The blocks under one heading (or before the first heading), and whether they belong to a resources part.</summary>
internal sealed record LessonSection(HeadingInfo? Heading, List<Block> Blocks, bool IsResources);

/// <summary>
/// A lesson's top-level blocks cut at every heading. A resources heading of level n claims everything up to the next
/// heading of level n or higher, its own sub-headings included, so "### Videos" under "## Resources" stays resources.
/// </summary>
internal sealed class LessonSections
{
    private LessonSections(List<LessonSection> all) => All = all;

    public List<LessonSection> All { get; }

    public IEnumerable<HeadingInfo> Headings => All.Select(section => section.Heading).OfType<HeadingInfo>();

    public bool HasResourcesHeading => All.Any(section => section.IsResources);

    public static LessonSections Of(MarkdownDocument document)
    {
        var sections = new List<LessonSection>();
        var current = new LessonSection(null, [], false);
        int? resourcesLevel = null;
        foreach (var block in document)
        {
            if (block is HeadingBlock headingBlock)
            {
                sections.Add(current);
                var heading = new HeadingInfo(InlineText.Of(headingBlock), headingBlock.Level, headingBlock);
                if (HeadingVocabulary.IsResources(heading.Text))
                {
                    resourcesLevel = resourcesLevel is { } open ? Math.Min(open, heading.Level) : heading.Level;
                }
                else if (resourcesLevel is { } level && heading.Level <= level)
                {
                    resourcesLevel = null;
                }

                current = new LessonSection(heading, [], resourcesLevel is not null);
                continue;
            }

            current.Blocks.Add(block);
        }

        sections.Add(current);
        return new LessonSections(sections);
    }
}
