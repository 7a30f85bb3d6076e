using System.Collections.Immutable;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Tests.Rendering;

/// <summary>Replies shaped like the bot's, some far over Slack's limits.</summary>
internal static class SlackReplies
{
    public const string LessonUrl = "https://github.com/MichaelCade/90DaysOfDevOps/blob/main/2022/Days/day37.md";

    public static Reply LongLesson(int resources = 12, int summaryLength = 900) => new()
    {
        Title = "Day 37 — Gitting to know Git",
        TitleUrl = LessonUrl,
        Paragraphs = [string.Concat(Enumerable.Repeat("Git keeps every version of every file, so a mistake is never final. ", summaryLength / 66 + 1))[..summaryLength]],
        Fields = [new ReplyField("Topic", "Use Git Effectively", Inline: true), new ReplyField("Key points", ReplyParagraph.List(["one", "two"]))],
        LinkLists = [new ReplyLinkList("Resources", [.. Enumerable.Range(1, resources).Select(i => new ReplyLink($"Resource [{i}] with a fairly long title about Git", $"https://example.org/git/{i}?list=WL&index={i}"))])],
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
            [.. Enumerable.Range(1, linksPerDay).Select(i => new ReplyLink($"Talk {i} of day {day} about clusters and pods", $"https://example.org/kubernetes/day-{day}/talks/{i}?list=PLwKubernetesClusters&index={i}"))]))],
        Language = "en",
    };

    /// <summary>Everything at once and all of it too big: texts, fields, links, buttons, footer, a long label.</summary>
    public static Reply Monster(int size)
    {
        var words = string.Concat(Enumerable.Repeat("word <b>&amp; https://example.org/a_b?x=1&y=2 ", size));
        return new Reply
        {
            Title = words,
            TitleUrl = "https://example.org/" + new string('p', 5000),
            Paragraphs = [.. Enumerable.Range(0, 30).Select(i => (ReplyParagraph)ReplyLine.Of(words, ReplySpan.Bold(words), ReplySpan.Link(words, "https://example.org/" + i), ReplySpan.Member("slack:T0FAKE:U0ADA"), ReplySpan.Code(words)))],
            Fields = [.. Enumerable.Range(0, 40).Select(i => new ReplyField(words, words, Inline: i % 3 != 0))],
            LinkLists = [.. Enumerable.Range(0, 60).Select(day => new ReplyLinkList(words, [.. Enumerable.Range(0, 50).Select(i => new ReplyLink(words, $"https://example.org/{day}/{i}?{words.Length}"))]))],
            Buttons = [.. Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? new ReplyButton(words, Command: $"day {i}") : new ReplyButton(words, Url: $"https://example.org/{i}"))],
            Footer = words,
            Moment = new ReplyMoment(words, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), "Europe/Paris"),
            Language = "fr",
            IsError = true,
        };
    }

    public static ImmutableArray<ReplyAttachment> Chart { get; } = [new ReplyAttachment("progress.png", ReplyAttachment.Png, new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "Progress")];
}
