using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Cohorts;

/// <summary>Cohorts held in memory; readers see a consistent snapshot while another thread changes one.</summary>
public sealed class InMemoryCohortDirectory(IEnumerable<Cohort> cohorts) : ICohortDirectory
{
    private ImmutableDictionary<CohortId, Cohort> _cohorts = cohorts.ToImmutableDictionary(cohort => cohort.Id);

    public IReadOnlyList<Cohort> All => [.. _cohorts.Values.OrderBy(cohort => cohort.Id.Value, StringComparer.Ordinal)];

    public Cohort? Find(CohortId id) => _cohorts.GetValueOrDefault(id);

    public Cohort? FindByTarget(ChatTarget target) => _cohorts.Values.FirstOrDefault(cohort => cohort.Target == target);

    public void Upsert(Cohort cohort) => ImmutableInterlocked.AddOrUpdate(ref _cohorts, cohort.Id, cohort, (_, _) => cohort);
}
