using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot;

/// <summary>Reads the content when the bot starts (not on the first command) and logs what it found.</summary>
internal sealed partial class ContentReport(CurriculumIndex index, ILogger<ContentReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var curriculum in index.Curricula)
        {
            LogCurriculum(logger, curriculum.Id, curriculum.Language, curriculum.Lessons.Length);
        }

        foreach (var diagnostic in index.Diagnostics)
        {
            LogDiagnostic(logger, diagnostic.Location.ToString(), diagnostic.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Curriculum {CurriculumId} ({Language}): {LessonCount} lessons")]
    private static partial void LogCurriculum(ILogger logger, string curriculumId, string language, int lessonCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content {Location}: {Problem}")]
    private static partial void LogDiagnostic(ILogger logger, string location, string problem);
}
