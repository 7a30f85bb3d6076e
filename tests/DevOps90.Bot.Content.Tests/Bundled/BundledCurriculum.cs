using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Content.Tests.Bundled;

/// <summary>The repository's content/ folder and, when shared/ is present, the upstream edition it is built from.</summary>
internal static class BundledCurriculum
{
    private static readonly Lazy<CurriculumIndex> _bundled = new(() =>
        ContentLoader.Load([new ContentSourceOptions { Path = RepositoryPaths.Content }]));

    private static readonly Lazy<CurriculumIndex> _upstream = new(() =>
        ContentLoader.Load([new ContentSourceOptions { Path = RepositoryPaths.Corpus }]));

    public static CurriculumIndex Ours => _bundled.Value;

    public static CurriculumIndex Upstream => _upstream.Value;

    public static Curriculum English => Ours.Find("2022", "en")!;

    public static Curriculum French => Ours.Find("2022", "fr")!;
}
