using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Curricula;
using DevOps90.Bot.Core.Localization;

namespace DevOps90.Bot.Core.Commands;

/// <summary>
/// A request with everything a handler needs to answer it resolved once: the cohort, the curriculum, the chosen
/// language (for content) and the bot's words in it, today's date in the cohort's zone, and the content index of the
/// moment it arrived: a reload swapping the index while the handler works does not change what it reads.
/// </summary>
public sealed record RequestScope(
    CommandRequest Request,
    Cohort? Cohort,
    string CurriculumId,
    string Language,
    BotText Text,
    DateOnly Today,
    CurriculumIndex? Index = null);
