using System.Globalization;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>
/// Suggestions for day and topic options while a member types: numbers match by their digits ("2" -> 2, 20-29),
/// words match titles ignoring case and accents. Every match comes back, best first: how many a platform shows, and
/// how long a name may be there, is the adapter's business (Discord: 25 choices of 100 characters).
/// </summary>
public sealed class LessonChoices(ContentLibrary content)
{
    public IReadOnlyList<AutocompleteChoice> Days(RequestScope scope, string typed)
    {
        var curriculum = Index(scope).FindBest(scope.CurriculumId, scope.Language);
        if (curriculum is null)
        {
            return [];
        }

        var (first, last) = Index(scope).EditionRange(curriculum);
        var query = typed.Trim();
        var lessons = Enumerable.Range(first, last - first + 1)
            .Select(day => Index(scope).FindLesson(scope.CurriculumId, scope.Language, day).Lesson)
            .OfType<Lesson>();
        var matches = query.Length == 0
            ? lessons
            : query.All(char.IsAsciiDigit)
                ? lessons.Where(lesson => lesson.Day.ToString(CultureInfo.InvariantCulture).StartsWith(query, StringComparison.Ordinal))
                : lessons.Where(lesson => MatchesWords(lesson.Title + " " + lesson.Topic, query));
        return [.. matches.Select(lesson => new AutocompleteChoice(
            $"{lesson.Day} — {lesson.Title}",
            lesson.Day.ToString(CultureInfo.InvariantCulture)))];
    }

    public IReadOnlyList<AutocompleteChoice> Topics(RequestScope scope, string typed)
    {
        var curriculum = Index(scope).FindBest(scope.CurriculumId, scope.Language);
        return curriculum is null
            ? []
            : [.. curriculum.Topics
                .Where(topic => MatchesWords(topic.Name, typed))
                .Select(topic => new AutocompleteChoice($"{topic.Name} ({topic.FirstDay}–{topic.LastDay})", topic.Name))];
    }

    private static bool MatchesWords(string candidate, string typed)
    {
        var folded = TextFolding.Fold(candidate);
        return TextFolding.Fold(typed).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(word => folded.Contains(word, StringComparison.Ordinal));
    }

    /// <summary>The index the request started with (see <see cref="RequestScope.Index"/>).</summary>
    private CurriculumIndex Index(RequestScope scope) => content.IndexFor(scope);
}
