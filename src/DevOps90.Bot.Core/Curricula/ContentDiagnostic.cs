namespace DevOps90.Bot.Core.Curricula;

public enum DiagnosticSeverity
{
    /// <summary>Something was recovered or guessed; the content still loaded.</summary>
    Warning,

    /// <summary>Something could not be loaded at all (a file or a whole curriculum).</summary>
    Error,
}

/// <summary>A problem found while reading content, pointing at the file and line a person should look at.</summary>
public sealed record ContentDiagnostic(DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    public override string ToString() =>
        $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
