using DevOps90.Bot.Content.Sources;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Content;

/// <summary>Reads every configured source into one <see cref="CurriculumIndex"/>. Never throws for bad content.</summary>
public static class ContentLoader
{
    /// <param name="previous">The index a reload replaces; see <see cref="CurriculumAssembler.Assemble"/>.</param>
    public static CurriculumIndex Load(IEnumerable<ContentSourceOptions> sources, string? baseDirectory = null, CurriculumIndex? previous = null)
    {
        var sink = new DiagnosticSink();
        var plans = new List<CurriculumPlan>();
        foreach (var source in sources)
        {
            var root = Path.GetFullPath(source.Path, baseDirectory ?? Directory.GetCurrentDirectory());
            if (!Directory.Exists(root))
            {
                sink.Error(source.Path, 0, "content folder not found");
                continue;
            }

            var kind = source.Kind == ContentSourceKind.Auto
                ? BundledContentSource.Recognizes(root) ? ContentSourceKind.Bundled : ContentSourceKind.Upstream
                : source.Kind;
            var found = kind == ContentSourceKind.Bundled
                ? BundledContentSource.Plan(root, source, sink).ToList()
                : UpstreamRepositorySource.Plan(root, source, sink).ToList();
            if (found.Count == 0)
            {
                sink.Error(source.Path, 0, kind == ContentSourceKind.Bundled
                    ? "no curriculum.yaml with language folders of dayNN.md files here"
                    : "no edition folder (such as 2022/) with dayNN.md files here");
            }

            plans.AddRange(found);
        }

        // A later source replaces an earlier curriculum with the same id and language.
        var distinct = plans
            .Select((plan, order) => (plan, order))
            .GroupBy(item => (item.plan.Template.Id, item.plan.Template.Language))
            .Select(group => group.MaxBy(item => item.order).plan)
            .ToList();
        var curricula = CurriculumAssembler.Assemble(distinct, sink, previous);
        return new CurriculumIndex(curricula, sink.Sorted());
    }
}
