using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Cli;

/// <summary>
/// <c>content check</c>: one line per curriculum (edition, language, days found, days missing, empty days, days without
/// resources, warnings), then the days without resources of each, then every diagnostic with file:line. Exit code 1 when anything could not be loaded at all; warnings alone exit 0.
/// </summary>
internal static class ContentCheckCommand
{
    public static int Run(CurriculumIndex index, TextWriter output)
    {
        var warningsByFile = index.Diagnostics
            .GroupBy(diagnostic => diagnostic.Location.File)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        output.WriteLine($"{"curriculum",-10} {"language",-8} {"days",5} {"range",-7} {"missing",-16} {"empty",5} {"no links",8} {"warnings",8}");
        foreach (var curriculum in index.Curricula)
        {
            var reference = index.Find(curriculum.Id, curriculum.DefaultLanguage) ?? curriculum;
            var missing = MissingDays(curriculum, reference);
            var empty = curriculum.Lessons.Count(lesson => !lesson.IsAvailable);
            var warnings = curriculum.Lessons.Sum(lesson => warningsByFile.GetValueOrDefault(lesson.Source.File));
            var range = curriculum.Lessons.IsEmpty ? "-" : $"{curriculum.FirstDay}-{curriculum.LastDay}";
            var withoutLinks = WithoutResources(curriculum).Count;
            output.WriteLine($"{curriculum.Id,-10} {curriculum.Language,-8} {curriculum.Lessons.Length,5} {range,-7} {DayRanges.Format(missing),-16} {empty,5} {withoutLinks,8} {warnings,8}");
        }

        // A lesson without a single resource link leaves its daily post and /resources with nothing to open.
        foreach (var curriculum in index.Curricula.Where(curriculum => WithoutResources(curriculum).Count > 0))
        {
            output.WriteLine($"without resources: {curriculum.Id} {curriculum.Language}: days {DayRanges.Format(WithoutResources(curriculum))}");
        }

        foreach (var diagnostic in index.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        var errors = index.Diagnostics.Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        var warningCount = index.Diagnostics.Length - errors;
        output.WriteLine($"{index.Curricula.Length} curricula, {index.Curricula.Sum(curriculum => curriculum.Lessons.Length)} lessons, {errors} errors, {warningCount} warnings");
        return errors > 0 || index.Curricula.IsEmpty ? 1 : 0;
    }

    private static List<int> WithoutResources(Curriculum curriculum) =>
        [.. curriculum.Lessons.Where(lesson => lesson.IsAvailable && lesson.Resources.IsEmpty).Select(lesson => lesson.Day)];

    /// <summary>
    /// For the default language: gaps between day 1 and the last day. For a translation: the days the default
    /// language has and this one lacks (pt-br has days 1-9 only: 10-90 are missing).
    /// </summary>
    private static List<int> MissingDays(Curriculum curriculum, Curriculum reference)
    {
        var present = curriculum.Lessons.Select(lesson => lesson.Day).ToHashSet();
        var expected = reference == curriculum
            ? Enumerable.Range(1, Math.Max(0, curriculum.LastDay))
            : reference.Lessons.Select(lesson => lesson.Day);
        return [.. expected.Where(day => !present.Contains(day))];
    }
}
