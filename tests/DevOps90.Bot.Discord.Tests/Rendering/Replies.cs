using System.Collections.Immutable;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Discord.Tests.Rendering;

/// <summary>Replies shaped like the bot's, some far over Discord's limits.</summary>
internal static class Replies
{
    public static Reply LongLesson(int resources = 12, int summaryLength = 900) => new()
    {
        Title = "Day 37 — Gitting to know Git",
        TitleUrl = "https://github.com/MichaelCade/90DaysOfDevOps/blob/main/2022/Days/day37.md",
        Paragraphs = [string.Concat(Enumerable.Repeat("Git keeps every version of every file, so a mistake is never final. ", summaryLength / 66 + 1))[..summaryLength]],
        Fields = [new ReplyField("Topic", "Use Git Effectively", Inline: true), new ReplyField("Key points", "• one\n• two")],
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

    public static IEnumerable<CommandDefinition> Commands() =>
    [
        new("day", [new CommandOption("number", OptionKind.Number, Required: true, Autocomplete: true, Min: 1)]),
        new("resources", [new CommandOption("day", OptionKind.Number, Autocomplete: true, Min: 1), new CommandOption("topic", OptionKind.Text, Autocomplete: true)]),
        new("search", [new CommandOption("query", OptionKind.Text, Required: true)]),
        new("today", ImmutableArray<CommandOption>.Empty),
        new("tomorrow", []),
        new("topics", []),
        new("help", []),
        new("about", []),
        new("status", [], ForModerators: true),
        new("done", [new CommandOption("day", OptionKind.Number, Autocomplete: true, Min: 1)]),
        new("undo", [new CommandOption("day", OptionKind.Number, Autocomplete: true, Min: 1)]),
        new("progress", [new CommandOption("member", OptionKind.Member)]),
        new("leaderboard", [new CommandOption("period", OptionKind.Text, Autocomplete: true)]),
        new("forget-me", [new CommandOption("confirm", OptionKind.Text)]),
        new("participation", [], ForModerators: true)
        {
            Subcommands =
            [
                new SubcommandDefinition("summary", [new CommandOption("inactive", OptionKind.Number, Min: 1, Max: 90)]),
                new SubcommandDefinition("export", [new CommandOption("from", OptionKind.Text), new CommandOption("to", OptionKind.Text)]),
                new SubcommandDefinition("chart", []),
            ],
        },
        new("cohort", [new CommandOption("action", OptionKind.Text, Required: true, Autocomplete: true), new CommandOption("value", OptionKind.Text, Autocomplete: true)], ForModerators: true),
    ];
}
