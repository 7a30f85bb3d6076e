using System.Collections.Concurrent;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Content.Sources;

/// <summary>Collects diagnostics from parallel workers; the report is ordered by file and line.</summary>
internal sealed class DiagnosticSink
{
    private readonly ConcurrentBag<ContentDiagnostic> _diagnostics = [];

    public void Warn(string file, int line, string message) =>
        _diagnostics.Add(new ContentDiagnostic(DiagnosticSeverity.Warning, new SourceLocation(file, line), message));

    public void Error(string file, int line, string message) =>
        _diagnostics.Add(new ContentDiagnostic(DiagnosticSeverity.Error, new SourceLocation(file, line), message));

    /// <summary>The files with an error, which could not be read as a lesson.</summary>
    public HashSet<string> ErrorFiles() =>
        [.. _diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.Location.File)];

    public Action<int, string> WarnerFor(string file) => (line, message) => Warn(file, line, message);

    public IEnumerable<ContentDiagnostic> Sorted() =>
        _diagnostics
            .OrderBy(diagnostic => diagnostic.Location.File, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.Line)
            .ThenBy(diagnostic => diagnostic.Message, StringComparer.Ordinal);
}
