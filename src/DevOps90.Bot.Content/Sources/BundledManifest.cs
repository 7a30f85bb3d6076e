namespace DevOps90.Bot.Content.Sources;

/// <summary>The shape of content/&lt;id&gt;/curriculum.yaml (documented in content/README.md).</summary>
internal sealed class BundledManifest
{
    public string Id { get; set; } = "";

    public string Edition { get; set; } = "";

    public string DefaultLanguage { get; set; } = "en";

    public string? SourceUrl { get; set; }

    /// <summary>Contains "{day:00}" or "{day}", replaced by the day number.</summary>
    public string? LessonUrl { get; set; }

    public string? Licence { get; set; }

    public string? Attribution { get; set; }

    public Dictionary<string, string> Titles { get; set; } = [];

    /// <summary>Each item: "days: 7-13" plus one name per language code ("en: ...", "fr: ...").</summary>
    public List<Dictionary<string, string>> Topics { get; set; } = [];
}
