using Markdig.Syntax;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// The blocks under one heading (or before the first heading), whether they belong to a resources part, and whether
/// they are an aside (about the speaker, the video) whose prose is never the lesson's summary. A block is handed out
/// with its inlines parsed, and as Markdig would have left it: a paragraph that makes a pipe table is that table.
/// </summary>
internal sealed class LessonSection(HeadingInfo? heading, SectionKind kind, DeferredInlines inlines)
{
    private readonly List<Block> _blocks = [];

    public HeadingInfo? Heading { get; } = heading;

    public bool IsResources { get; } = kind.IsResources;

    public bool IsAside { get; } = kind.IsAside;

    /// <summary>About the speaker or the author (an aside too): a lesson's every-link walk leaves its links out.</summary>
    public bool IsAboutThePerson { get; } = kind.IsAboutThePerson;

    public int Count => _blocks.Count;

    /// <summary>The block at <paramref name="index"/>, its own inlines parsed (not those of blocks inside it).</summary>
    public Block this[int index]
    {
        get
        {
            if (_blocks[index] is not ParagraphBlock paragraph || !DeferredInlines.IsDeferred(paragraph))
            {
                return _blocks[index];
            }

            var (inPlace, after) = inlines.Parse(paragraph);
            _blocks[index] = inPlace;
            if (after is not null)
            {
                _blocks.Insert(index + 1, after);
            }

            return inPlace;
        }
    }

    /// <summary>The paragraph at <paramref name="index"/> when its inlines are not parsed yet, else null.</summary>
    public ParagraphBlock? Unparsed(int index) =>
        _blocks[index] is ParagraphBlock paragraph && DeferredInlines.IsDeferred(paragraph) ? paragraph : null;

    /// <summary>The blocks in order, each parsed as it is reached: a reader that stops early parses no further.</summary>
    public IEnumerable<Block> Blocks
    {
        get
        {
            // Count is read again at each step: a table can be inserted after a paragraph on the way.
            for (var i = 0; i < _blocks.Count; i++)
            {
                yield return this[i];
            }
        }
    }

    /// <summary>The blocks in order with every inline inside them parsed, lists and quotes included.</summary>
    public IEnumerable<Block> FullyParsedBlocks => Blocks.Select(FullyParsed);

    /// <summary>A block of this section with every inline inside it parsed.</summary>
    public T FullyParsed<T>(T block)
        where T : Block
    {
        if (block is ContainerBlock container)
        {
            inlines.ParseAll(container);
        }

        return block;
    }

    /// <summary>Parses the paragraphs <paramref name="wanted"/> picks, here and in the blocks inside these.</summary>
    public void ParseWhere(Func<ParagraphBlock, bool> wanted)
    {
        for (var i = 0; i < _blocks.Count; i++)
        {
            if (Unparsed(i) is { } paragraph && !wanted(paragraph))
            {
                continue;
            }

            if (this[i] is ContainerBlock container)
            {
                inlines.ParseAll(container, wanted);
            }
        }
    }

    internal void Add(Block block) => _blocks.Add(block);
}

/// <summary>What the headings above a section make of it (a heading's kind holds for the headings under it).</summary>
internal readonly record struct SectionKind(bool IsResources, bool IsAside, bool IsAboutThePerson);
