using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Testing;

/// <summary>
/// A small 2022 curriculum in memory: six English days (topics Introduction, Basics, Containers) and three French
/// ones, each with a summary, two key points and two resources, one of them shared by every day.
/// </summary>
public static class SampleCurriculum
{
    private static readonly string[] _englishTitles = ["Introduction", "Responsibilities of a DevOps Engineer", "DevOps Lifecycle", "Kubernetes Basics", "Docker Compose", "Résumé Writing for Engineers"];
    private static readonly string[] _frenchTitles = ["Introduction", "Responsabilités d'un Ingénieur DevOps", "Cycle de vie DevOps"];

    // Past its titles (a longer curriculum for tests that need one), a language repeats them.
    private static string[] Titles(string language) => language == "fr" ? _frenchTitles : _englishTitles;

    public static Curriculum Make(string language, int days) => new()
    {
        Id = "2022",
        Edition = "2022",
        Language = language,
        Title = language == "fr" ? "#90DaysOfDevOps (édition 2022)" : "#90DaysOfDevOps (2022 edition)",
        Licence = "CC BY-NC-SA 4.0",
        Attribution = "#90DaysOfDevOps by Michael Cade and contributors",
        SourceUrl = "https://github.com/MichaelCade/90DaysOfDevOps",
        Topics = language == "fr"
            ? [new Topic("Introduction", 1, 1), new Topic("Les bases", 2, 3), new Topic("Conteneurs", 4, 6)]
            : [new Topic("Introduction", 1, 1), new Topic("Basics", 2, 3), new Topic("Containers", 4, 6)],
        Lessons = [.. Enumerable.Range(1, days).Select(day => new Lesson
        {
            Day = day,
            Title = Titles(language)[(day - 1) % Titles(language).Length],
            Topic = day == 1 ? "Introduction" : day <= 3 ? (language == "fr" ? "Les bases" : "Basics") : (language == "fr" ? "Conteneurs" : "Containers"),
            Summary = $"Summary of day {day} in {language}. It explains pipelines and containers.",
            KeyPoints = ["First point", "Second point"],
            Resources = [new Resource($"Video for day {day}", $"https://example.org/{day}/video"), new Resource("Shared guide", "https://example.org/guide")],
            LessonUrl = $"https://example.org/lessons/day{day:00}",
            Source = new SourceLocation($"{language}/day{day:00}.md", 1),
            PreviousDay = day > 1 ? day - 1 : null,
            NextDay = day < days ? day + 1 : null,
        })],
    };
}
