using System.ComponentModel.DataAnnotations;

namespace DevOps90.Bot.Content;

public enum ContentSourceKind
{
    /// <summary>Bundled when the folder holds curriculum.yaml files, an upstream checkout otherwise.</summary>
    Auto,

    /// <summary>The layout of this repository's content/ folder (see content/README.md).</summary>
    Bundled,

    /// <summary>A checkout of github.com/MichaelCade/90DaysOfDevOps.</summary>
    Upstream,
}

/// <summary>The "Content" configuration section: where the curricula are read from.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>Read in order; a later source's curriculum replaces an earlier one with the same id and language.</summary>
    public List<ContentSourceOptions> Sources { get; set; } = [];

    /// <summary>The curriculum commands use when none is named.</summary>
    [Required]
    public string DefaultCurriculum { get; set; } = "2022";

    /// <summary>How often repository sources are fetched; a fetch that brings new commits reloads the content.</summary>
    public TimeSpan FetchInterval { get; set; } = TimeSpan.FromDays(1);
}

public sealed class ContentSourceOptions
{
    /// <summary>
    /// A folder; relative paths are taken from the application's content root. For a <see cref="Repository"/> source,
    /// the checkout's folder, by default &lt;data directory&gt;/content/&lt;repository name&gt;.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// A git repository (an https URL, a file:// URL or a local path) cloned into <see cref="Path"/> at first start and
    /// fetched every <see cref="ContentOptions.FetchInterval"/>; empty for a plain folder.
    /// </summary>
    public string? Repository { get; set; }

    /// <summary>The branch of <see cref="Repository"/> to follow.</summary>
    public string Branch { get; set; } = "main";

    public bool IsRepository => !string.IsNullOrWhiteSpace(Repository);

    public ContentSourceKind Kind { get; set; } = ContentSourceKind.Auto;

    /// <summary>Upstream only: the editions to read (folder names such as "2022"); empty reads all of them.</summary>
    public List<string> Editions { get; set; } = [];

    /// <summary>The languages to read ("en", "fr", "pt-br"); empty reads all of them.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>
    /// Upstream only: a language for a day folder the discovery cannot name, or a correction, keyed by the folder's
    /// path relative to the checkout ("2022/pl" = "pl").
    /// </summary>
    public Dictionary<string, string> FolderLanguages { get; set; } = [];

    /// <summary>Upstream only: the web address a file's relative path is appended to for "read the full lesson".</summary>
    public string RepositoryUrl { get; set; } = "https://github.com/MichaelCade/90DaysOfDevOps/blob/main";
}
