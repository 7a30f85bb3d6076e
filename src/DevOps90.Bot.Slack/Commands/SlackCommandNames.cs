using System.Text.RegularExpressions;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>
/// On Slack every command is typed after the app's one slash command, so the bot's words that name a command
/// ("type /help", "/day 3") name it as a Slack member types it: "/devops90 help", "/devops90 day 3".
/// </summary>
internal static partial class SlackCommandNames
{
    private static readonly HashSet<string> Names = [.. typeof(CommandNames).GetFields()
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)];

    public static Reply Rewrite(Reply reply) => !NamesAny(reply) ? reply : reply with
    {
        Title = reply.Title is { } title ? Rewrite(title) : null,
        Paragraphs = [.. reply.Paragraphs.Select(Rewrite)],
        Fields = [.. reply.Fields.Select(field => field with { Value = Rewrite(field.Value) })],
        Footer = reply.Footer is { } footer ? Rewrite(footer) : null,
    };

    /// <summary>Whether any text of the reply might name a command: most replies name none and are left as they are.</summary>
    private static bool NamesAny(Reply reply) =>
        NamesACommand(reply.Title) || NamesACommand(reply.Footer)
        || reply.Paragraphs.Concat(reply.Fields.Select(field => field.Value))
            .Any(paragraph => paragraph.Lines.Any(line => line.Spans.Any(span => span.Kind != SpanKind.Link && NamesACommand(span.Text))));

    private static bool NamesACommand(string? text) =>
        text is not null && text.Contains('/', StringComparison.Ordinal)
        && CommandMention().Matches(text).Any(match => Names.Contains(match.Groups["name"].Value));

    public static string Rewrite(string text) =>
        text.Contains('/', StringComparison.Ordinal)
            ? CommandMention().Replace(text, match => Names.Contains(match.Groups["name"].Value) ? SlackRoutes.SlashCommand + " " + match.Groups["name"].Value : match.Value)
            : text;

    private static ReplyParagraph Rewrite(ReplyParagraph paragraph) =>
        paragraph with { Lines = [.. paragraph.Lines.Select(line => line with { Spans = [.. line.Spans.Select(Rewrite)] })] };

    private static ReplySpan Rewrite(ReplySpan span) =>
        span.Kind is SpanKind.Text or SpanKind.Code or SpanKind.Bold ? span with { Text = Rewrite(span.Text) } : span;

    // A slash at the start of a word (not inside a URL or a path such as /etc/hosts), then a command's name.
    [GeneratedRegex(@"(?<![\w/.:-])/(?<name>[a-z][a-z-]*)(?![\w/-])")]
    private static partial Regex CommandMention();
}
