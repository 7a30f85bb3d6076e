using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Commands;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.StudyGroups;

/// <summary>The cohorts the settings define (already validated at start, so reading them cannot fail here).</summary>
internal sealed class ConfiguredCohorts(IOptions<CohortList> settings, BotDefaults defaults)
{
    public IReadOnlyList<Cohort> All => CohortSettingsReader.Read(settings.Value.Cohorts, defaults.CurriculumId).Cohorts;
}
