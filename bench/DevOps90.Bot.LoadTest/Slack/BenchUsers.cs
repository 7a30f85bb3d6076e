namespace DevOps90.Bot.LoadTest.Slack;

/// <summary>
/// The members who type the commands, shared by the load generator and the users.info stub: even ones speak English
/// (en-US), odd ones French (fr-FR). In the study group's channel the group's language wins (French); elsewhere the
/// member's does, so the host answers in both languages as it does in a real workspace.
/// </summary>
internal static class BenchUsers
{
    public const string TeamId = "T0BENCH";
    /// <summary>The study group's channel (bench/slack-load.sh moves the bundled French cohort there): French lessons.</summary>
    public const string CohortChannel = "C0BENCH";

    /// <summary>A channel of no study group: the lesson comes in the member's Slack language.</summary>
    public const string OtherChannel = "C0OTHER";

    public static string Id(int index) => "U0BENCH" + index.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    public static string LocaleOf(string userId) =>
        int.TryParse(userId.AsSpan("U0BENCH".Length), System.Globalization.CultureInfo.InvariantCulture, out var index) && index % 2 == 1
            ? "fr-FR"
            : "en-US";
}
