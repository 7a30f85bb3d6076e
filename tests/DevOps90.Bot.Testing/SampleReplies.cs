using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Testing;

/// <summary>
/// Replies shaped like the bot's, some far over a platform's limits, for the adapters' rendering tests. Replies that
/// only one platform's tests need (its member ids, its own extremes) stay with those tests.
/// </summary>
public static class SampleReplies
{
    public const string LessonUrl = "https://github.com/MichaelCade/90DaysOfDevOps/blob/main/2022/Days/day37.md";

    /// <summary>/day 37 with every part a lesson reply has; the summary and the resources as long as asked.</summary>
    public static Reply LongLesson(int resources = 12, int summaryLength = 900) => new()
    {
        Title = "Day 37 — Gitting to know Git",
        TitleUrl = LessonUrl,
        Paragraphs = [Summary(summaryLength)],
        Fields =
        [
            new ReplyField("Topic", "Use Git Effectively", Inline: true),
            new ReplyField("Key points", ReplyParagraph.List(["one", "two"])),
        ],
        LinkLists = [new ReplyLinkList("Resources", [.. Enumerable.Range(1, resources).Select(GitResource)])],
        Buttons = [new ReplyButton("◀ Day 36", Command: "day 36"), new ReplyButton("Day 38 ▶", Command: "day 38")],
        Footer = "Day 37 of 90 · #90DaysOfDevOps (2022 edition)",
        Moment = new ReplyMoment("Next post", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), "Europe/Paris"),
        Language = "en",
    };

    /// <summary>/resources of a topic: one list per day, each with many links with long addresses.</summary>
    public static Reply LongTopic(int days, int linksPerDay) => new()
    {
        Title = "Resources — Kubernetes (days 49–55)",
        LinkLists = [.. Enumerable.Range(49, days).Select(day => new ReplyLinkList(
            $"Day {day}: Kubernetes, part {day - 48}",
            [.. Enumerable.Range(1, linksPerDay).Select(i => KubernetesTalk(day, i))]))],
        Language = "en",
    };

    private static string Summary(int length)
    {
        const string Sentence = "Git keeps every version of every file, so a mistake is never final. ";
        return string.Concat(Enumerable.Repeat(Sentence, length / 66 + 1))[..length];
    }

    // Brackets in the title and '&' in the address: characters each platform's markup must escape.
    private static ReplyLink GitResource(int i) =>
        new($"Resource [{i}] with a fairly long title about Git", $"https://example.org/git/{i}?list=WL&index={i}");

    private static ReplyLink KubernetesTalk(int day, int i) =>
        new(
            $"Talk {i} of day {day} about clusters and pods",
            $"https://example.org/kubernetes/day-{day}/talks/{i}?list=PLwKubernetesClusters&index={i}");
}
