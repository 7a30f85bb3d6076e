using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Content.Tests.Loading;

/// <summary>What the layout golden file records of a whole index.</summary>
internal sealed record IndexSnapshot(IReadOnlyList<CurriculumSnapshot> Curricula, IReadOnlyList<string> Diagnostics)
{
    public static IndexSnapshot Of(CurriculumIndex index) => new(
        [.. index.Curricula.Select(curriculum => new CurriculumSnapshot(
            curriculum.Id,
            curriculum.Language,
            curriculum.Origin,
            [.. curriculum.Topics.Select(topic => $"{topic.FirstDay}-{topic.LastDay} {topic.Name}")],
            [.. curriculum.Lessons.Select(lesson => new LessonLine(
                lesson.Day,
                lesson.Title,
                lesson.Topic,
                lesson.Summary,
                [.. lesson.Resources.Select(resource => resource.Url)],
                lesson.LessonUrl,
                lesson.Source.ToString(),
                lesson.IsAvailable,
                lesson.PreviousDay,
                lesson.NextDay))]))],
        [.. index.Diagnostics.Select(diagnostic => diagnostic.ToString())]);
}

internal sealed record CurriculumSnapshot(string Id, string Language, string Origin, IReadOnlyList<string> Topics, IReadOnlyList<LessonLine> Lessons);

internal sealed record LessonLine(
    int Day,
    string Title,
    string? Topic,
    string Summary,
    IReadOnlyList<string> Resources,
    string? LessonUrl,
    string Source,
    bool Available,
    int? Previous,
    int? Next);
