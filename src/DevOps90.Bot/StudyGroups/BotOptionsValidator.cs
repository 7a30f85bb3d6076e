using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;
using Microsoft.Extensions.Options;

namespace DevOps90.Bot.StudyGroups;

/// <summary>Refuses defaults the bot cannot honour.</summary>
internal sealed class BotOptionsValidator(CurriculumIndex index, IOptions<ContentOptions> content) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var errors = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.DefaultTimeZone, out _))
        {
            errors.Add($"Bot:DefaultTimeZone: '{options.DefaultTimeZone}' is not an IANA time zone such as Europe/Paris");
        }

        if (!BotText.Speaks(options.DefaultLanguage))
        {
            errors.Add($"Bot:DefaultLanguage: the bot does not speak '{options.DefaultLanguage}' (it speaks {string.Join(", ", BotText.Languages)})");
        }

        var curriculum = content.Value.DefaultCurriculum;
        if (index.CurriculumIds.Length > 0 && !index.CurriculumIds.Contains(curriculum))
        {
            errors.Add($"Content:DefaultCurriculum: '{curriculum}' is not loaded (loaded: {string.Join(", ", index.CurriculumIds)})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
