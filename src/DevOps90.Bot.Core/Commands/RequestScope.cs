using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Localization;

namespace DevOps90.Bot.Core.Commands;

/// <summary>
/// A request with everything a handler needs to answer it resolved once: the cohort, the curriculum, the chosen
/// language (for content) and the bot's words in it, and today's date in the cohort's zone.
/// </summary>
public sealed record RequestScope(
    CommandRequest Request,
    Cohort? Cohort,
    string CurriculumId,
    string Language,
    BotText Text,
    DateOnly Today);
