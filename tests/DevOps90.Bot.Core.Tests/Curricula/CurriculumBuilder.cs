using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Core.Tests.Curricula;

/// <summary>Small in-memory curricula for index tests.</summary>
internal static class CurriculumBuilder
{
    public static Curriculum Make(string id, string language, params int[] days) => Make(id, language, days, unavailable: []);

    public static Curriculum Make(string id, string language, int[] days, int[] unavailable) => new()
    {
        Id = id,
        Edition = id,
        Language = language,
        Title = $"{id} {language}",
        Topics = [new Topic("Containers", 1, 3), new Topic("Réseaux et sécurité", 4, 6)],
        Lessons = [.. days.Select(day => new Lesson
        {
            Day = day,
            Title = $"{language} day {day}",
            Source = new SourceLocation($"{language}/day{day:00}.md", 1),
            IsAvailable = !unavailable.Contains(day),
        })],
    };
}
