using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Curricula;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.StudyGroups;

/// <summary>The "Cohorts" section as a whole, so it can be validated (and fail the start) as one option.</summary>
public sealed class CohortList
{
    public List<CohortSettings> Cohorts { get; set; } = [];
}

/// <summary>Fails the start with every bad cohort setting named by its key, including a curriculum that is not loaded.</summary>
internal sealed class CohortListValidator(CurriculumIndex index, IOptions<ContentOptions> content) : IValidateOptions<CohortList>
{
    public ValidateOptionsResult Validate(string? name, CohortList options)
    {
        var defaultCurriculum = content.Value.DefaultCurriculum;
        var (_, errors) = CohortSettingsReader.Read(options.Cohorts, defaultCurriculum);
        var all = errors.ToList();
        for (var i = 0; i < options.Cohorts.Count; i++)
        {
            var curriculum = string.IsNullOrWhiteSpace(options.Cohorts[i].Curriculum) ? defaultCurriculum : options.Cohorts[i].Curriculum!;
            if (!index.CurriculumIds.Contains(curriculum))
            {
                all.Add($"Cohorts:{i}:Curriculum: '{curriculum}' is not loaded (loaded: {string.Join(", ", index.CurriculumIds)})");
            }
        }

        return all.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(all);
    }
}
