namespace DevOps90.Bot.Core.Curricula;

/// <summary>Where something came from: a file (relative to its content root) and a 1-based line (0: the whole file or folder).</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
