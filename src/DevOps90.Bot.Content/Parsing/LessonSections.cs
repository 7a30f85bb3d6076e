using Markdig.Syntax;

namespace DevOps90.Bot.Content.Parsing;

internal sealed record HeadingInfo(string Text, int Level, HeadingBlock Block)
{
    /// <summary>The text folded for <see cref="HeadingVocabulary"/>, once: every section check reads it.</summary>
    public string Key { get; } = HeadingVocabulary.Key(Text);
}

/// <summary>
/// A lesson's top-level blocks cut at every heading. A resources heading of level n claims everything up to the next
/// heading of level n or higher, its own sub-headings included, so "### Videos" under "## Resources" stays resources;
/// an aside claims its sub-headings the same way ("### Where to find me" under "## About me").
/// </summary>
internal sealed class LessonSections
{
    private LessonSections(List<LessonSection> all) => All = all;

    public List<LessonSection> All { get; }

    public IEnumerable<HeadingInfo> Headings => All.Select(section => section.Heading).OfType<HeadingInfo>();

    public bool HasResourcesHeading => All.Any(section => section.IsResources);

    /// <param name="inlines">Parses the paragraphs' inlines as the sections are read (headings have theirs).</param>
    public static LessonSections Of(MarkdownDocument document, DeferredInlines inlines)
    {
        var sections = new List<LessonSection>();
        var current = new LessonSection(null, default, inlines);
        var resources = new Claim();
        var aside = new Claim();
        var aboutThePerson = new Claim();
        foreach (var block in document)
        {
            if (block is HeadingBlock headingBlock)
            {
                sections.Add(current);
                var heading = new HeadingInfo(InlineText.Of(headingBlock), headingBlock.Level, headingBlock);
                var isAboutThePerson = HeadingVocabulary.IsAboutThePerson(heading);
                var kind = new SectionKind(
                    resources.Update(heading.Level, HeadingVocabulary.IsResources(heading)),
                    aside.Update(heading.Level, isAboutThePerson || HeadingVocabulary.IsVideo(heading)),
                    aboutThePerson.Update(heading.Level, isAboutThePerson));
                current = new LessonSection(heading, kind, inlines);
                continue;
            }

            if (block is not SkippedFrontMatterBlock)
            {
                current.Add(block);
            }
        }

        sections.Add(current);
        return new LessonSections(sections);
    }

    /// <summary>
    /// The document's top-level blocks, headings included, but for the sections about the speaker or the author.
    /// The sections were cut from these same blocks in this order (a table made from a paragraph is in both).
    /// </summary>
    public IEnumerable<Block> OutsideAboutThePerson(MarkdownDocument document)
    {
        var section = 0;
        foreach (var block in document)
        {
            if (block is HeadingBlock)
            {
                section++;
            }

            if (!All[section].IsAboutThePerson)
            {
                yield return block;
            }
        }
    }

    /// <summary>Parses the inlines of every paragraph that may hold a web link, for the walk over all of them.</summary>
    public void ParseLinks()
    {
        foreach (var section in All)
        {
            section.ParseWhere(DeferredInlines.MayHoldWebLink);
        }
    }

    /// <summary>An open heading of some kind, and the level that claims the headings under it.</summary>
    private sealed class Claim
    {
        private int? _level;

        public bool Update(int headingLevel, bool opens)
        {
            if (opens)
            {
                _level = _level is { } open ? Math.Min(open, headingLevel) : headingLevel;
            }
            else if (_level is { } level && headingLevel <= level)
            {
                _level = null;
            }

            return _level is not null;
        }
    }
}
