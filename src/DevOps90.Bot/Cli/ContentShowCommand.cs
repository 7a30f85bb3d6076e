using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Cli;

/// <summary><c>content show DAY</c>: one parsed lesson, every field, as the index holds it.</summary>
internal static class ContentShowCommand
{
    public static int Run(CurriculumIndex index, int day, string curriculumId, string? language, TextWriter output)
    {
        var lookup = index.FindLesson(curriculumId, language, day);
        switch (lookup.Status)
        {
            case LessonLookupStatus.CurriculumNotFound:
                output.WriteLine($"No curriculum '{curriculumId}'. Known: {string.Join(", ", index.CurriculumIds)}.");
                return 2;
            case LessonLookupStatus.DayNotFound:
                var curriculum = lookup.Curriculum!;
                output.WriteLine($"Curriculum {curriculum.Id} ({curriculum.Language}) has no day {day}; its days run from {curriculum.FirstDay} to {curriculum.LastDay}.");
                return 2;
        }

        var lesson = lookup.Lesson!;
        var source = lookup.Curriculum!;
        output.WriteLine($"Day {lesson.Day}: {lesson.Title}");
        if (lookup.Status == LessonLookupStatus.FoundInFallbackLanguage)
        {
            output.WriteLine($"(not available in '{language}'; shown in '{source.Language}')");
        }

        output.WriteLine($"Curriculum: {source.Id} ({source.Language}) — {source.Title}");
        output.WriteLine($"Topic:      {lesson.Topic ?? "-"}");
        output.WriteLine($"Source:     {lesson.Source}");
        output.WriteLine($"Lesson:     {lesson.LessonUrl ?? "-"}");
        output.WriteLine($"Previous:   {lesson.PreviousDay?.ToString() ?? "-"}    Next: {lesson.NextDay?.ToString() ?? "-"}");
        output.WriteLine();
        output.WriteLine(lesson.Summary.Length > 0 ? lesson.Summary : "(no summary)");
        if (!lesson.KeyPoints.IsEmpty)
        {
            output.WriteLine();
            foreach (var point in lesson.KeyPoints)
            {
                output.WriteLine($"  * {point}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Resources ({lesson.Resources.Length}):");
        foreach (var resource in lesson.Resources)
        {
            output.WriteLine($"  - {resource.Title}");
            output.WriteLine($"    {resource.Url}");
        }

        return 0;
    }
}
