using System.Collections.Immutable;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Testing;

namespace DevOps90.Bot.Slack.Tests.Rendering;

/// <summary>
/// Replies only Slack's tests need (a Slack member, a chart); the shared ones are <see cref="SampleReplies"/>.
/// </summary>
internal static class SlackReplies
{
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
