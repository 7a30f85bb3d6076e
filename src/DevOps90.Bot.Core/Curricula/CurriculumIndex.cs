using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Curricula;

/// <summary>
/// Every curriculum the bot knows (editions x languages): immutable, shared read-only by all handlers, and replaced
/// as a whole when the content is reloaded (see <see cref="ContentLibrary"/>).
/// </summary>
public sealed class CurriculumIndex
{
    private readonly FrozenDictionary<(string Id, string Language), Curriculum> _byKey;

    public CurriculumIndex(IEnumerable<Curriculum> curricula, IEnumerable<ContentDiagnostic>? diagnostics = null)
    {
        Curricula = [.. curricula
            .OrderBy(curriculum => curriculum.Id, StringComparer.Ordinal)
            .ThenBy(curriculum => curriculum.Language == curriculum.DefaultLanguage ? 0 : 1)
            .ThenBy(curriculum => curriculum.Language, StringComparer.Ordinal)];
        Diagnostics = [.. diagnostics ?? []];
        _byKey = Curricula.ToFrozenDictionary(curriculum => (curriculum.Id, curriculum.Language));
        CurriculumIds = [.. Curricula.Select(curriculum => curriculum.Id).Distinct()];
    }

    public static CurriculumIndex Empty { get; } = new([]);

    /// <summary>Ordered by id, the default language of each id first, then by language.</summary>
    public ImmutableArray<Curriculum> Curricula { get; }

    public ImmutableArray<string> CurriculumIds { get; }

    public ImmutableArray<ContentDiagnostic> Diagnostics { get; }

    /// <summary>What this content is: the checkouts' commits, or when the folders were read ("" when not said).</summary>
    public string Version { get; init; } = "";

    public int WarningCount => Diagnostics.Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Warning);

    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

    public Curriculum? Find(string curriculumId, string language) =>
        _byKey.GetValueOrDefault((curriculumId, LanguageCode.Normalize(language)));

    /// <summary>The best curriculum for a language: the exact language, its base language, then the default.</summary>
    public Curriculum? FindBest(string curriculumId, string? language)
    {
        foreach (var candidate in LanguageCandidates(curriculumId, language))
        {
            if (_byKey.TryGetValue((curriculumId, candidate), out var curriculum))
            {
                return curriculum;
            }
        }

        return null;
    }

    /// <summary>
    /// A lesson by day in the requested language, falling back (base language, then the edition's default language)
    /// when that language lacks the day or has only a placeholder for it.
    /// </summary>
    public LessonLookup FindLesson(string curriculumId, string? language, int day)
    {
        var preferred = FindBest(curriculumId, language);
        if (preferred is null)
        {
            return new LessonLookup(LessonLookupStatus.CurriculumNotFound, null, null);
        }

        foreach (var candidate in LanguageCandidates(curriculumId, language))
        {
            if (!_byKey.TryGetValue((curriculumId, candidate), out var curriculum))
            {
                continue;
            }

            if (curriculum.FindDay(day) is { IsAvailable: true } lesson)
            {
                var status = IsWhatWasAskedFor(curriculum.Language, language)
                    ? LessonLookupStatus.Found
                    : LessonLookupStatus.FoundInFallbackLanguage;
                return new LessonLookup(status, lesson, curriculum);
            }
        }

        return new LessonLookup(LessonLookupStatus.DayNotFound, null, preferred);
    }

    /// <summary>
    /// The days of a curriculum's edition: its default language has them all, a translation may have fewer (pt-br has
    /// days 1-9), and "day 2 of 90" counts the edition's days.
    /// </summary>
    public (int First, int Last) EditionRange(Curriculum curriculum)
    {
        var reference = Find(curriculum.Id, curriculum.DefaultLanguage) ?? curriculum;
        return (Math.Min(reference.FirstDay, curriculum.FirstDay), Math.Max(reference.LastDay, curriculum.LastDay));
    }

    /// <summary>All lessons of a topic, matched by name ignoring case and accents, or by any part of it.</summary>
    public ImmutableArray<Lesson> LessonsOfTopic(string curriculumId, string? language, string topicName)
    {
        var curriculum = FindBest(curriculumId, language);
        if (curriculum is null)
        {
            return [];
        }

        var wanted = TextFolding.Fold(topicName);
        var topic = curriculum.Topics.FirstOrDefault(candidate => TextFolding.Fold(candidate.Name) == wanted)
            ?? curriculum.Topics.FirstOrDefault(candidate => TextFolding.Fold(candidate.Name).Contains(wanted, StringComparison.Ordinal));
        if (topic is null)
        {
            return [];
        }

        return [.. Enumerable.Range(topic.FirstDay, topic.LastDay - topic.FirstDay + 1)
            .Select(day => FindLesson(curriculumId, curriculum.Language, day).Lesson)
            .OfType<Lesson>()];
    }

    private static bool IsWhatWasAskedFor(string servedLanguage, string? requestedLanguage)
    {
        if (string.IsNullOrWhiteSpace(requestedLanguage))
        {
            return true;
        }

        var requested = LanguageCode.Normalize(requestedLanguage);
        return servedLanguage == requested || servedLanguage == LanguageCode.BaseOf(requested);
    }

    private IEnumerable<string> LanguageCandidates(string curriculumId, string? language)
    {
        if (!string.IsNullOrWhiteSpace(language))
        {
            var normalized = LanguageCode.Normalize(language);
            yield return normalized;
            var baseLanguage = LanguageCode.BaseOf(normalized);
            if (baseLanguage != normalized)
            {
                yield return baseLanguage;
            }
        }

        var defaultLanguage = Curricula.FirstOrDefault(curriculum => curriculum.Id == curriculumId)?.DefaultLanguage;
        if (defaultLanguage is not null)
        {
            yield return defaultLanguage;
        }
    }
}
