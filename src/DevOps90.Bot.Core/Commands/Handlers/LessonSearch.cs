using System.Collections.Frozen;
using System.Text;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Core.Commands.Handlers;

/// <summary>A lesson found by a search, with its score (higher is better).</summary>
public sealed record SearchHit(Lesson Lesson, int Score);

/// <summary>
/// Ranks lessons for a few words: a word in the title counts most, then the topic, the resource titles, the summary
/// and key points; accents and case are ignored and a word matches the start of a word ("kube" finds Kubernetes).
/// Lessons holding every word come before those holding some. The folded text is prepared once per lesson.
/// </summary>
public sealed class LessonSearch
{
    private const int TitleWeight = 10;
    private const int TopicWeight = 5;
    private const int ResourceWeight = 3;
    private const int SummaryWeight = 1;
    private const int MinWordLength = 2;
    private const int MaxWords = 10;

    private readonly ContentLibrary _content;

    // The prepared text of one index, made again when a reload swaps in another one (and forgotten with it).
    private PreparedIndex? _prepared;

    public LessonSearch(ContentLibrary content)
    {
        _content = content;
        _ = PreparedFor(content.Current);
    }

    /// <summary>The best lessons of the curriculum in the language, in the current index.</summary>
    public IReadOnlyList<SearchHit> Search(string curriculumId, string language, string query, int limit = 10) =>
        Search(_content.Current, curriculumId, language, query, limit);

    /// <summary>The best lessons of the curriculum in the language, days it lacks taken from its fallback language.</summary>
    public IReadOnlyList<SearchHit> Search(CurriculumIndex index, string curriculumId, string language, string query, int limit = 10)
    {
        var words = Words(query);
        if (words.Length == 0 || index.FindBest(curriculumId, language) is not { } curriculum)
        {
            return [];
        }

        var prepared = PreparedFor(index);
        var hits = new List<(SearchHit Hit, int Matched)>();
        var (first, last) = index.EditionRange(curriculum);
        for (var day = first; day <= last; day++)
        {
            if (index.FindLesson(curriculumId, language, day).Lesson is { } lesson && prepared.TryGetValue(lesson, out var searchable))
            {
                var (score, matched) = searchable.Score(words);
                if (matched > 0)
                {
                    hits.Add((new SearchHit(lesson, score), matched));
                }
            }
        }

        return [.. hits
            .OrderByDescending(hit => hit.Matched)
            .ThenByDescending(hit => hit.Hit.Score)
            .ThenBy(hit => hit.Hit.Lesson.Day)
            .Take(limit)
            .Select(hit => hit.Hit)];
    }

    private FrozenDictionary<Lesson, SearchableLesson> PreparedFor(CurriculumIndex index)
    {
        if (Volatile.Read(ref _prepared) is { } cached && ReferenceEquals(cached.Index, index))
        {
            return cached.Lessons;
        }

        // Two searches racing after a swap may both prepare the new index; either result is right, the last one kept.
        var prepared = index.Curricula
            .SelectMany(curriculum => curriculum.Lessons)
            .Where(lesson => lesson.IsAvailable)
            .ToFrozenDictionary<Lesson, Lesson, SearchableLesson>(lesson => lesson, SearchableLesson.Of, ReferenceEqualityComparer.Instance);
        Volatile.Write(ref _prepared, new PreparedIndex(index, prepared));
        return prepared;
    }

    /// <summary>Whether a query has anything to look for (<see cref="Words"/>).</summary>
    public static bool HasWords(string query) => Words(query).Length > 0;

    /// <summary>
    /// The words looked for: letters and digits, accents folded; a word shorter than two characters matches nearly
    /// every lesson, so it is left out, as is punctuation. Repeats count once and only the first few words are used,
    /// so a pasted page cannot make a search slow.
    /// </summary>
    private static string[] Words(string text) =>
        [.. SearchableLesson.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= MinWordLength).Distinct(StringComparer.Ordinal).Take(MaxWords)];

    private sealed record PreparedIndex(CurriculumIndex Index, FrozenDictionary<Lesson, SearchableLesson> Lessons);

    private sealed record SearchableLesson(string Title, string Topic, string Resources, string Summary)
    {
        public static SearchableLesson Of(Lesson lesson) => new(
            Normalize(lesson.Title),
            Normalize(lesson.Topic ?? ""),
            Normalize(string.Join(' ', lesson.Resources.Select(resource => resource.Title))),
            Normalize(lesson.Summary + " " + string.Join(' ', lesson.KeyPoints)));

        /// <summary>Folded, punctuation as spaces, with a leading space so " word" finds a word start.</summary>
        public static string Normalize(string text)
        {
            var folded = TextFolding.Fold(text);
            var builder = new StringBuilder(folded.Length + 1).Append(' ');
            foreach (var character in folded)
            {
                builder.Append(char.IsLetterOrDigit(character) ? character : ' ');
            }

            return builder.ToString();
        }

        public (int Score, int Matched) Score(string[] words)
        {
            int score = 0, matched = 0;
            foreach (var word in words)
            {
                var needle = " " + word;
                var wordScore = Weight(Title, needle, TitleWeight) + Weight(Topic, needle, TopicWeight)
                    + Weight(Resources, needle, ResourceWeight) + Weight(Summary, needle, SummaryWeight);
                if (wordScore > 0)
                {
                    matched++;
                    score += wordScore;
                }
            }

            return (score, matched);
        }

        private static int Weight(string field, string needle, int weight) =>
            field.Contains(needle, StringComparison.Ordinal) ? weight : 0;
    }
}
