using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Core.Localization;

/// <summary>
/// Picks the language of a reply: the cohort's forced language, then the member's locale, then the server's, then
/// the configured default. The bot's own words use it when the bot speaks it (else the default); lesson content uses
/// it whenever the curriculum has it.
/// </summary>
public static class LanguageChoice
{
    public static string Choose(string? cohortLanguage, string? userLocale, string? serverLocale, string defaultLanguage)
    {
        foreach (var candidate in new[] { cohortLanguage, userLocale, serverLocale })
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return LanguageCode.Normalize(candidate);
            }
        }

        return LanguageCode.Normalize(defaultLanguage);
    }

    public static BotText TextFor(string chosenLanguage, string defaultLanguage) =>
        BotText.For(BotText.Resolve(chosenLanguage) ?? defaultLanguage);
}
