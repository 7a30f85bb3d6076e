using System.Text.Json;
using System.Text.Json.Serialization;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Cli;

/// <summary>
/// <c>content export --json</c>: the whole index in the shape documented in content/README.md ("Export format").
/// Field names only ever get added; <c>schemaVersion</c> changes if one is renamed or removed.
/// </summary>
internal static class ContentExportCommand
{
    public const int SchemaVersion = 1;

    public static int Run(CurriculumIndex index, TextWriter output)
    {
        var export = new ExportDocument(
            SchemaVersion,
            [.. index.Curricula.Select(ToExport)],
            [.. index.Diagnostics.Select(diagnostic => new ExportDiagnostic(
                diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning",
                diagnostic.Location.File,
                diagnostic.Location.Line,
                diagnostic.Message))]);
        output.WriteLine(JsonSerializer.Serialize(export, ExportJsonContext.Default.ExportDocument));
        return index.HasErrors ? 1 : 0;
    }

    private static ExportCurriculum ToExport(Curriculum curriculum) => new(
        curriculum.Id,
        curriculum.Edition,
        curriculum.Language,
        curriculum.DefaultLanguage,
        curriculum.Title,
        curriculum.SourceUrl,
        curriculum.Licence,
        curriculum.Attribution,
        [.. curriculum.Topics.Select(topic => new ExportTopic(topic.Name, topic.FirstDay, topic.LastDay))],
        [.. curriculum.Lessons.Select(lesson => new ExportLesson(
            lesson.Day,
            lesson.Title,
            lesson.Topic,
            lesson.Summary,
            [.. lesson.KeyPoints],
            [.. lesson.Resources.Select(resource => new ExportResource(resource.Title, resource.Url))],
            lesson.LessonUrl,
            new ExportSource(lesson.Source.File, lesson.Source.Line),
            lesson.IsAvailable,
            lesson.PreviousDay,
            lesson.NextDay))]);
}

internal sealed record ExportDocument(int SchemaVersion, IReadOnlyList<ExportCurriculum> Curricula, IReadOnlyList<ExportDiagnostic> Diagnostics);

internal sealed record ExportCurriculum(
    string Id,
    string Edition,
    string Language,
    string DefaultLanguage,
    string Title,
    string? SourceUrl,
    string? Licence,
    string? Attribution,
    IReadOnlyList<ExportTopic> Topics,
    IReadOnlyList<ExportLesson> Lessons);

internal sealed record ExportTopic(string Name, int FirstDay, int LastDay);

internal sealed record ExportLesson(
    int Day,
    string Title,
    string? Topic,
    string Summary,
    IReadOnlyList<string> KeyPoints,
    IReadOnlyList<ExportResource> Resources,
    string? LessonUrl,
    ExportSource Source,
    bool Available,
    int? PreviousDay,
    int? NextDay);

internal sealed record ExportResource(string Title, string Url);

internal sealed record ExportSource(string File, int Line);

internal sealed record ExportDiagnostic(string Severity, string File, int Line, string Message);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ExportDocument))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
