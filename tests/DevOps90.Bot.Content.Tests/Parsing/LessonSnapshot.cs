using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

/// <summary>What the golden files record of one parsed lesson.</summary>
internal sealed record LessonSnapshot(
    string? Title,
    int TitleLine,
    string Summary,
    IReadOnlyList<string> KeyPoints,
    IReadOnlyList<ResourceSnapshot> Resources,
    bool IsEmpty,
    IReadOnlyList<string> Warnings)
{
    public static LessonSnapshot Of(string normalizedText)
    {
        var warnings = new List<string>();
        var parsed = LessonParser.Parse(normalizedText, (line, message) => warnings.Add($"{line}: {message}"));
        return new LessonSnapshot(
            parsed.Title,
            parsed.TitleLine,
            parsed.Summary,
            [.. parsed.KeyPoints],
            [.. parsed.Resources.Select(resource => new ResourceSnapshot(resource.Title, resource.Url))],
            parsed.IsEmpty,
            warnings);
    }
}

internal sealed record ResourceSnapshot(string Title, string Url);
