using System.Collections.Immutable;
using DevOps90.Bot.Content.Parsing;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Content.Sources;

/// <summary>
/// Parses the lesson files of every plan (on all cores) and builds the curricula: titles fall back to the index,
/// topics come from the curriculum, previous/next from the days that exist.
/// </summary>
internal static class CurriculumAssembler
{
    /// <param name="previous">
    /// The index this one replaces: a lesson whose file now has an error keeps its previous version from there, so a
    /// mistake in an edit (or a file caught half-written) does not take a day away from the groups.
    /// </param>
    public static List<Curriculum> Assemble(IReadOnlyList<CurriculumPlan> plans, DiagnosticSink sink, CurriculumIndex? previous = null)
    {
        var work = plans.SelectMany((plan, planIndex) => plan.Files.Select(file => (PlanIndex: planIndex, File: file))).ToArray();
        var lessons = new Lesson?[work.Length];
        Parallel.For(0, work.Length, i =>
        {
            var (planIndex, file) = work[i];
            lessons[i] = ReadLesson(plans[planIndex], file, sink);
        });

        if (previous is not null)
        {
            KeepPreviousOfBrokenFiles(plans, work, lessons, sink, previous);
        }

        var curricula = new List<Curriculum>(plans.Count);
        var offset = 0;
        foreach (var plan in plans)
        {
            var ofPlan = lessons.AsSpan(offset, plan.Files.Length).ToArray().OfType<Lesson>();
            offset += plan.Files.Length;
            curricula.Add(plan.Template with { Lessons = Link(ofPlan, plan.Template) });
        }

        return curricula;
    }

    private static void KeepPreviousOfBrokenFiles(
        IReadOnlyList<CurriculumPlan> plans, (int PlanIndex, DayFile File)[] work, Lesson?[] lessons, DiagnosticSink sink, CurriculumIndex previous)
    {
        var broken = sink.ErrorFiles();
        for (var i = 0; i < work.Length; i++)
        {
            var (planIndex, file) = work[i];
            var template = plans[planIndex].Template;
            if (broken.Contains(file.RelativePath)
                && previous.Find(template.Id, template.Language)?.FindDay(file.Day) is { } kept
                && kept.Source.File == file.RelativePath)
            {
                lessons[i] = kept;
                sink.Warn(file.RelativePath, 0, "the lesson loaded before this change is kept until the file is fixed");
            }
        }
    }

    private static Lesson? ReadLesson(CurriculumPlan plan, DayFile file, DiagnosticSink sink)
    {
        var warn = sink.WarnerFor(file.RelativePath);
        ParsedLesson parsed;
        try
        {
            var text = SourceText.ReadFile(file.FullPath, out var hadInvalidBytes);
            if (hadInvalidBytes)
            {
                warn(1, "the file is not valid UTF-8; unreadable bytes were replaced");
            }

            if (plan.IsCurated && FrontMatter.IsUnclosed(text))
            {
                sink.Error(file.RelativePath, 1, "the front matter opened here is never closed (no '---' line after it)");
            }

            parsed = LessonParser.Parse(text, warn);
        }
        catch (IOException exception)
        {
            sink.Error(file.RelativePath, 1, $"cannot be read: {exception.Message}");
            return null;
        }
        catch (UnauthorizedAccessException exception)
        {
            sink.Error(file.RelativePath, 1, $"cannot be read: {exception.Message}");
            return null;
        }

        var title = parsed.Title ?? plan.IndexTitles.GetValueOrDefault(file.Day);
        if (!parsed.IsEmpty && title is null)
        {
            warn(1, "no title in the front matter, the headings or the index");
        }

        if (plan.IsCurated && !parsed.IsEmpty)
        {
            CheckCurated(parsed, file, warn);
        }

        return new Lesson
        {
            Day = file.Day,
            Title = title ?? $"Day {file.Day}",
            Topic = plan.Template.TopicOf(file.Day)?.Name,
            Summary = parsed.Summary,
            KeyPoints = parsed.KeyPoints,
            Resources = parsed.Resources,
            LessonUrl = parsed.FrontMatter["lesson_url"] is { Length: > 0 } own ? own : plan.LessonUrl(file),
            Source = new SourceLocation(file.RelativePath, parsed.TitleLine),
            IsAvailable = !parsed.IsEmpty,
        };
    }

    private static void CheckCurated(ParsedLesson parsed, DayFile file, Action<int, string> warn)
    {
        if (parsed.FrontMatter["day"] is { } declared && declared != file.Day.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            warn(1, $"front matter says day {declared} but the file is day{file.Day:00}.md; the file name wins");
        }

        if (parsed.Summary.Length == 0)
        {
            warn(parsed.TitleLine, "no summary");
        }
        else if (parsed.SummaryIsStandIn)
        {
            warn(parsed.TitleLine, "no summary: the outline of its sections or its video's title stands in");
        }

        if (parsed.Resources.IsEmpty)
        {
            warn(parsed.TitleLine, "no resources");
        }
    }

    private static ImmutableArray<Lesson> Link(IEnumerable<Lesson> lessons, Curriculum template)
    {
        var ordered = lessons.OrderBy(lesson => lesson.Day).ToList();
        var availableDays = ordered.Where(lesson => lesson.IsAvailable).Select(lesson => lesson.Day).ToList();
        return [.. ordered.Select(lesson =>
        {
            var position = availableDays.BinarySearch(lesson.Day);
            var before = position >= 0 ? position - 1 : ~position - 1;
            var after = position >= 0 ? position + 1 : ~position;
            return lesson with
            {
                PreviousDay = before >= 0 ? availableDays[before] : null,
                NextDay = after < availableDays.Count ? availableDays[after] : null,
                Topic = lesson.Topic ?? template.TopicOf(lesson.Day)?.Name,
            };
        })];
    }
}
