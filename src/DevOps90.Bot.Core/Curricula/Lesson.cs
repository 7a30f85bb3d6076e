using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Curricula;

/// <summary>One day of a curriculum in one language.</summary>
public sealed record Lesson
{
    public required int Day { get; init; }

    public required string Title { get; init; }

    public string? Topic { get; init; }

    /// <summary>A few sentences saying what the day teaches; empty when the source has no usable prose.</summary>
    public string Summary { get; init; } = "";

    public ImmutableArray<string> KeyPoints { get; init; } = [];

    /// <summary>In source order, de-duplicated by URL.</summary>
    public ImmutableArray<Resource> Resources { get; init; } = [];

    /// <summary>Where the full lesson can be read on the web.</summary>
    public string? LessonUrl { get; init; }

    public required SourceLocation Source { get; init; }

    /// <summary>False for a placeholder file (0 bytes upstream): the day exists but has no content yet.</summary>
    public bool IsAvailable { get; init; } = true;

    /// <summary>The nearest existing day before this one in the same curriculum, or null for the first.</summary>
    public int? PreviousDay { get; init; }

    public int? NextDay { get; init; }
}
