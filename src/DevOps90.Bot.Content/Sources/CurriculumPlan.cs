using System.Collections.Immutable;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Content.Sources;

/// <summary>A lesson file to read: its day, where it is on disk, and how to name it in messages.</summary>
internal sealed record DayFile(int Day, string FullPath, string RelativePath);

/// <summary>
/// Everything known about one curriculum before its lesson files are parsed. Both kinds of source (the bundled
/// folder and an upstream checkout) produce plans; one assembler turns every plan into a <see cref="Curriculum"/>.
/// </summary>
internal sealed record CurriculumPlan
{
    /// <summary>A curriculum with no lesson files: only the attributes are used.</summary>
    public required Curriculum Template { get; init; }

    public required ImmutableArray<DayFile> Files { get; init; }

    /// <summary>Day -> title from an index, used when the file itself has no title.</summary>
    public ImmutableDictionary<int, string> IndexTitles { get; init; } = ImmutableDictionary<int, string>.Empty;

    /// <summary>Day -> the full lesson's web address.</summary>
    public required Func<DayFile, string?> LessonUrl { get; init; }

    /// <summary>True for content written for the bot: it is held to a higher bar (a title and a summary per day).</summary>
    public bool IsCurated { get; init; }
}
