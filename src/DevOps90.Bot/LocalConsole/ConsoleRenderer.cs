using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.LocalConsole;

/// <summary>Renders a platform-neutral reply as plain terminal text.</summary>
public static partial class ConsoleRenderer
{
    public static string Render(Reply reply, CultureInfo culture)
    {
        reply = reply with
        {
            Title = reply.Title is { } withMembers ? MemberReference.Replace(withMembers, id => "@" + id) : null,
            Paragraphs = [.. reply.Paragraphs.Select(paragraph => MemberReference.Replace(paragraph, id => "@" + id))],
            Fields = [.. reply.Fields.Select(field => field with { Value = MemberReference.Replace(field.Value, id => "@" + id) })],
        };
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
            output.AppendLine(field.Value.Contains('\n', StringComparison.Ordinal)
                ? $"{field.Name}{Colon(culture)}\n{Indent(Plain(field.Value))}"
                : $"{field.Name}{Colon(culture)} {Plain(field.Value)}");
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
            output.AppendLine($"{moment.Label}{Colon(culture)} {local.ToString("dddd d MMMM HH:mm", culture)} ({moment.TimeZoneId})").AppendLine();
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
            return text["Console.NoSuggestions"] + Environment.NewLine;
        }

        var shown = string.Concat(choices.Take(SuggestionsShown).Select(choice => $"  {choice.Value,-4} {choice.Name}{Environment.NewLine}"));
        return choices.Count <= SuggestionsShown ? shown : shown + text.Format("Console.MoreSuggestions", choices.Count - SuggestionsShown) + Environment.NewLine;
    }

    /// <summary>Markdown as a terminal shows it: no ** markers, links as "text <url>".</summary>
    private static string Plain(string markdown) =>
        MarkdownLink().Replace(markdown.Replace("**", "", StringComparison.Ordinal), match => $"{match.Groups["text"].Value} <{match.Groups["url"].Value}>");

    // French sets a (thin) space before a colon.
    private static string Colon(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? " :" : ":";

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(line => "  " + line));

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
