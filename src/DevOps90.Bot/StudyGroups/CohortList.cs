using System.Text.RegularExpressions;
using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Discord;
using DevOps90.Bot.Slack;
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
internal sealed partial class CohortListValidator(CurriculumIndex index, IOptions<ContentOptions> content, IConfiguration configuration) : IValidateOptions<CohortList>
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

            // A language of the group's lessons, or one the bot speaks (lessons then come in the edition's own language).
            if (!string.IsNullOrWhiteSpace(item.Language) && !BotText.Speaks(item.Language) && index.Find(curriculum, item.Language) is null)
            {
                var written = index.Curricula.Where(found => found.Id == curriculum).Select(found => found.Language);
                all.Add($"Cohorts:{i}:Language: '{item.Language}' is neither a language of the {curriculum} lessons ({string.Join(", ", written)}) " +
                    $"nor one the bot speaks ({string.Join(", ", BotText.Languages)}); leave it out to follow each member's locale");
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
        var slack = SlackSetup.IsConfigured(configuration);
        switch (parts[0])
        {
            case "console" when discord || slack:
                yield return $"{key}:Target: '{item.Target}' is the local console, which is off while a chat platform is configured; set it to {(discord ? "discord:<channel id>" : "slack:<channel id>")}";
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
            case "slack" when !slack:
                yield return $"{key}:Target: '{item.Target}' is on Slack, which is not configured (set Slack:BotToken), or use console:console";
                break;
            case "slack":
                foreach (var error in SlackTargetErrors(key, parts[1], item))
                {
                    yield return error;
                }

                break;
            default:
                yield return $"{key}:Target: '{parts[0]}' is not a platform this bot serves (console, discord, slack)";
                break;
        }
    }

    // Slack ids are upper-case letters and digits with a type prefix: C (public channel), G (private), U/W (users),
    // S (user groups) (https://docs.slack.dev/reference/objects).
    private static IEnumerable<string> SlackTargetErrors(string key, string channel, CohortSettings item)
    {
        if (!SlackId().IsMatch(channel) || channel[0] is not ('C' or 'G'))
        {
            yield return $"{key}:Target: '{channel}' is not a Slack channel id (such as C0123456789: open the channel's details, its id is at the bottom)";
        }

        if (!string.IsNullOrWhiteSpace(item.MentionRole) && !(SlackId().IsMatch(item.MentionRole) && item.MentionRole[0] == 'S'))
        {
            yield return $"{key}:MentionRole: '{item.MentionRole}' is not a Slack user group id (such as S0123456789)";
        }

        for (var j = 0; j < item.Moderators.Count; j++)
        {
            var entry = item.Moderators[j].Trim();
            var valid = entry.StartsWith("role:", StringComparison.Ordinal)
                ? SlackId().IsMatch(entry[5..]) && entry[5] == 'S'
                : SlackId().IsMatch(entry) && entry[0] is 'U' or 'W';
            if (!valid)
            {
                yield return $"{key}:Moderators:{j}: '{entry}' is neither a Slack user id (U…) nor role:<user group id> (role:S…)";
            }
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]{2,}$")]
    private static partial Regex SlackId();
}
