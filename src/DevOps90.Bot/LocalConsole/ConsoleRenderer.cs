using System.Globalization;
using System.Text;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.LocalConsole;

/// <summary>Renders a platform-neutral reply as plain terminal text.</summary>
public static class ConsoleRenderer
{
    public static string Render(Reply reply, CultureInfo culture)
    {
        var output = new StringBuilder();
        if (reply.Title is { } title)
        {
            output.AppendLine(title);
            output.AppendLine(new string('═', Math.Min(title.Length, 78)));
        }

        foreach (var paragraph in reply.Paragraphs)
        {
            output.AppendLine(Plain(paragraph)).AppendLine();
        }

        foreach (var field in reply.Fields)
        {
            var value = Plain(field.Value);
            output.AppendLine(value.Contains('\n', StringComparison.Ordinal)
                ? $"{field.Name}{Colon(culture)}\n{Indent(value)}"
                : $"{field.Name}{Colon(culture)} {value}");
        }

        if (!reply.Fields.IsEmpty)
        {
            output.AppendLine();
        }

        foreach (var list in reply.LinkLists)
        {
            output.AppendLine(list.Heading);
            foreach (var link in list.Links)
            {
                output.AppendLine($"  • {link.Title}").AppendLine($"    {link.Url}");
            }

            output.AppendLine();
        }

        if (reply.Moment is { } moment)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(moment.TimeZoneId);
            var local = TimeZoneInfo.ConvertTime(moment.At, zone);
            output.AppendLine($"{moment.Label}{Colon(culture)} {BotText.For(culture.Name).DateAndTime(local.DateTime)} ({moment.TimeZoneId})").AppendLine();
        }

        if (!reply.Buttons.IsEmpty)
        {
            output.AppendLine(string.Join("   ", reply.Buttons.Select(button => button.Command is { } command ? $"[{button.Label}: /{command}]" : $"[{button.Label}: {button.Url}]")));
        }

        if (reply.Footer is { } footer)
        {
            output.AppendLine($"— {footer}");
        }

        return output.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>A screenful of suggestions at most, as a platform's list would show; the rest is counted.</summary>
    private const int SuggestionsShown = 25;

    public static string Render(IReadOnlyList<AutocompleteChoice> choices, BotText text)
    {
        if (choices.Count == 0)
        {
            return text["Suggestions.None"] + Environment.NewLine;
        }

        var shown = string.Concat(choices.Take(SuggestionsShown).Select(choice => $"  {choice.Value,-4} {choice.Name}{Environment.NewLine}"));
        return choices.Count <= SuggestionsShown ? shown : shown + text.Format("Suggestions.More", choices.Count - SuggestionsShown) + Environment.NewLine;
    }

    /// <summary>
    /// Reply text as a terminal shows it: members as "@id", links as "text &lt;url&gt;", list items bulleted, no
    /// emphasis markers.
    /// </summary>
    private static string Plain(ReplyParagraph paragraph) =>
        string.Join('\n', paragraph.Lines.Select(line => (paragraph.IsList ? "• " : "") + string.Concat(line.Spans.Select(Plain))));

    private static string Plain(ReplySpan span) => span.Kind switch
    {
        SpanKind.Member => "@" + span.Target,
        SpanKind.Link => $"{span.Text} <{span.Target}>",
        _ => span.Text,
    };

    // French sets a (thin) space before a colon.
    private static string Colon(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? " :" : ":";

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(line => "  " + line));
}
