using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Discord;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.StudyGroups;

/// <summary>The "Cohorts" section as a whole, so it can be validated (and fail the start) as one option.</summary>
public sealed class CohortList
{
    public List<CohortSettings> Cohorts { get; set; } = [];
}

/// <summary>
/// Fails the start with every bad cohort setting named by its key: values that do not parse, a curriculum that is not
/// loaded, a language the bot does not speak, a target on a platform that is not configured, ids that are not ids.
/// </summary>
internal sealed class CohortListValidator(CurriculumIndex index, IOptions<ContentOptions> content, IConfiguration configuration) : IValidateOptions<CohortList>
{
    public ValidateOptionsResult Validate(string? name, CohortList options)
    {
        var defaultCurriculum = content.Value.DefaultCurriculum;
        var (_, errors) = CohortSettingsReader.Read(options.Cohorts, defaultCurriculum);
        var all = errors.ToList();
        for (var i = 0; i < options.Cohorts.Count; i++)
        {
            var item = options.Cohorts[i];
            var curriculum = string.IsNullOrWhiteSpace(item.Curriculum) ? defaultCurriculum : item.Curriculum!;
            // With nothing loaded at all, the content settings are at fault, and their validation says so.
            if (index.CurriculumIds.Length > 0 && !index.CurriculumIds.Contains(curriculum))
            {
                all.Add($"Cohorts:{i}:Curriculum: '{curriculum}' is not loaded (loaded: {string.Join(", ", index.CurriculumIds)})");
            }

            if (!string.IsNullOrWhiteSpace(item.Language) && !BotText.Speaks(item.Language))
            {
                all.Add($"Cohorts:{i}:Language: the bot does not speak '{item.Language}' (it speaks {string.Join(", ", BotText.Languages)}); leave it out to follow each member's locale");
            }

            all.AddRange(TargetErrors($"Cohorts:{i}", item));
        }

        return all.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(all);
    }

    private IEnumerable<string> TargetErrors(string key, CohortSettings item)
    {
        var parts = item.Target.Split(':', 2);
        if (parts.Length != 2)
        {
            yield break;
        }

        var discord = DiscordSetup.IsConfigured(configuration);
        switch (parts[0])
        {
            case "console" when discord:
                yield return $"{key}:Target: '{item.Target}' is the local console, which is off while Discord is configured; set it to discord:<channel id>";
                break;
            case "console":
                break;
            case "discord" when !discord:
                yield return $"{key}:Target: '{item.Target}' is on Discord, which is not configured (set Discord:Token and Discord:ApplicationId), or use console:console";
                break;
            case "discord":
                if (!Snowflake.TryParse(parts[1], out _))
                {
                    yield return $"{key}:Target: '{parts[1]}' is not a Discord channel id (a number such as 123456789012345678: enable Developer Mode, then Copy Channel ID)";
                }

                if (!string.IsNullOrWhiteSpace(item.MentionRole) && !Snowflake.TryParse(item.MentionRole, out _))
                {
                    yield return $"{key}:MentionRole: '{item.MentionRole}' is not a Discord role id (a number: Server Settings > Roles > Copy Role ID)";
                }

                for (var j = 0; j < item.Moderators.Count; j++)
                {
                    var entry = item.Moderators[j].Trim();
                    if (!Snowflake.TryParse(entry.StartsWith("role:", StringComparison.Ordinal) ? entry[5..] : entry, out _))
                    {
                        yield return $"{key}:Moderators:{j}: '{entry}' is neither a Discord user id nor role:<role id>";
                    }
                }

                break;
            default:
                yield return $"{key}:Target: '{parts[0]}' is not a platform this bot serves (console, discord)";
                break;
        }
    }
}
