using System.Collections.Immutable;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>What one lesson file says, before the curriculum around it (index titles, topics, URLs) is known.</summary>
internal sealed record ParsedLesson
{
    public string? Title { get; init; }

    /// <summary>The line the title came from (the front matter or the heading), or 1.</summary>
    public int TitleLine { get; init; } = 1;

    public string Summary { get; init; } = "";

    /// <summary>No prose about the subject: <see cref="Summary"/> is its sections' outline or its video's title.</summary>
    public bool SummaryIsStandIn { get; init; }

    public ImmutableArray<string> KeyPoints { get; init; } = [];

    public ImmutableArray<Resource> Resources { get; init; } = [];

    public FrontMatter FrontMatter { get; init; } = FrontMatter.None;

    /// <summary>A placeholder file: no bytes, or nothing but white space.</summary>
    public bool IsEmpty { get; init; }
}
