using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Curricula;

/// <summary>One edition of the curriculum in one language, with its lessons ordered by day.</summary>
public sealed record Curriculum
{
    private readonly ImmutableArray<Lesson> _lessons = [];
    private FrozenDictionary<int, Lesson> _byDay = FrozenDictionary<int, Lesson>.Empty;

    /// <summary>Shared by every language of one edition, e.g. "2022".</summary>
    public required string Id { get; init; }

    public required string Edition { get; init; }

    /// <summary>Normalised language code (see <see cref="LanguageCode"/>), e.g. "en", "fr", "pt-br".</summary>
    public required string Language { get; init; }

    /// <summary>The language every other language of this edition falls back to.</summary>
    public string DefaultLanguage { get; init; } = "en";

    public required string Title { get; init; }

    public string? SourceUrl { get; init; }

    public string? Licence { get; init; }

    public string? Attribution { get; init; }

    public ImmutableArray<Topic> Topics { get; init; } = [];

    /// <summary>Where this curriculum was read from (a folder relative to its content root).</summary>
    public string Origin { get; init; } = "";

    public ImmutableArray<Lesson> Lessons
    {
        get => _lessons;
        init
        {
            _lessons = [.. value.OrderBy(lesson => lesson.Day)];
            _byDay = _lessons.ToFrozenDictionary(lesson => lesson.Day);
        }
    }

    public Lesson? FindDay(int day) => _byDay.GetValueOrDefault(day);

    public int FirstDay => _lessons.IsEmpty ? 0 : _lessons[0].Day;

    public int LastDay => _lessons.IsEmpty ? 0 : _lessons[^1].Day;

    public Topic? TopicOf(int day) => Topics.FirstOrDefault(topic => topic.Contains(day));
}
