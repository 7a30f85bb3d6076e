namespace DevOps90.Bot.Core.Commands;

/// <summary>The names every platform uses (Discord, Slack, the console); French names are Discord localisations.</summary>
public static class CommandNames
{
    public const string Day = "day";
    public const string Today = "today";
    public const string Tomorrow = "tomorrow";
    public const string Resources = "resources";
    public const string Topics = "topics";
    public const string Search = "search";
    public const string Help = "help";
    public const string About = "about";
    public const string Status = "status";
    public const string Done = "done";
    public const string Undo = "undo";
    public const string Progress = "progress";
    public const string Leaderboard = "leaderboard";
    public const string ForgetMe = "forget-me";
    public const string Participation = "participation";
    public const string Cohort = "cohort";
    public const string Page = "page";
    public const string Remind = "remind";
    public const string Certificate = "certificate";
    public const string Share = "share";
    public const string Milestones = "milestones";
}
