using System.Globalization;
using System.Text.Json.Nodes;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Rendering;

/// <summary>
/// Turns a platform-neutral reply into one Slack message within every <see cref="SlackLimits"/>: a header (the
/// title), a link to the full lesson, the prose in mrkdwn sections, fields, link lists, the moment in each reader's
/// own time zone, the footer, and the buttons in an actions block. All text together stays within
/// <see cref="SlackLimits.BlocksTextBudget"/>: fields take at most two fifths of what is left after the fixed parts,
/// then the prose and the link lists share the rest, the lists shortened evenly (<see cref="SlackLinkLists"/>) before
/// the prose is cut at a sentence or word with "…". Files are left to the caller.
/// </summary>
public static class SlackRenderer
{
    /// <summary>action_id of a button that runs a command ("cmd-0", "cmd-1", …); its value is the command line.</summary>
    public const string CommandActionPrefix = "cmd-";

    /// <summary>action_id of a button that opens a URL; Slack still reports the click, which needs no answer.</summary>
    public const string LinkActionPrefix = "url-";

    private const string Warning = ":warning: ";
    private const int MaxFields = 20;
    private const int FooterLength = 1000;
    private const int TitleUrlLength = 1000;
    private const int MomentLabelLength = 200;

    /// <param name="mentionUserGroupId">A user group (S…) to mention at the start of the message, the only mention that notifies.</param>
    public static SlackMessage Render(Reply reply, string? mentionUserGroupId = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (mentionUserGroupId is not null && !SlackMembers.IsSlackId(mentionUserGroupId))
        {
            throw new ArgumentException($"'{mentionUserGroupId}' is not a Slack user group id", nameof(mentionUserGroupId));
        }

        var text = BotText.For(reply.Language ?? "en");
        var mention = mentionUserGroupId is null ? "" : $"<!subteam^{mentionUserGroupId}> ";
        var warning = reply.IsError ? Warning : "";

        var header = reply.Title is { } title && title.Trim().Length > 0 ? SlackCutter.Cut(warning + title.Trim(), SlackLimits.HeaderText) : null;
        var titleLink = reply.TitleUrl is { Length: <= TitleUrlLength } url && SlackMrkdwn.IsLinkable(url)
            ? SlackMrkdwn.Link(url, text["Lesson.FullLesson"]) : null;
        var moment = reply.Moment is { } at ? SlackCutter.Cut(Moment(at, text), SlackLimits.TextObject) : null;
        var footer = reply.Footer is { } foot && foot.Trim().Length > 0 ? SlackCutter.Cut(SlackMrkdwn.Text(foot.Trim()), FooterLength) : null;
        var buttons = SlackButtons.Render(reply.Buttons);

        var fixedLength = (header?.Length ?? 0) + (titleLink?.Length ?? 0) + (moment?.Length ?? 0) + (footer?.Length ?? 0)
            + buttons.Sum(button => button["text"]!["text"]!.GetValue<string>().Length);
        var left = SlackLimits.BlocksTextBudget - fixedLength;

        var fields = Fields(reply.Fields, left * 2 / 5);
        left -= fields.Sum(field => field.Text.Length);

        var paragraphs = reply.Paragraphs.Where(paragraph => !paragraph.IsEmpty).Select(SlackMrkdwn.Paragraph);
        var prose = mention + (header is null ? warning : "") + string.Join("\n\n", paragraphs);
        var allLinks = SlackLinkLists.Render(reply.LinkLists, text, int.MaxValue);
        prose = SlackCutter.Cut(prose.TrimEnd(), left - Math.Min(allLinks.Length, left / 2));
        // Nearly always everything fits, and the lists are laid out once.
        var links = allLinks.Length <= left - prose.Length ? allLinks : SlackLinkLists.Render(reply.LinkLists, text, left - prose.Length);

        var body = new List<JsonObject>();
        body.AddRange(SlackCutter.Split(prose, SlackLimits.SectionText).Select(SlackBlocks.Section));
        body.AddRange(FieldBlocks(fields));
        body.AddRange(SlackCutter.Split(links, SlackLimits.SectionText).Select(SlackBlocks.Section));

        var blocks = new JsonArray();
        AddIf(blocks, header, SlackBlocks.Header);
        AddIf(blocks, titleLink, SlackBlocks.Context);
        var closing = (moment is null ? 0 : 1) + (footer is null ? 0 : 1) + (buttons.Count == 0 ? 0 : 1);
        foreach (var block in body.Take(SlackLimits.Blocks - blocks.Count - closing))
        {
            // As a node: the generic Add<T> would wrap it in a value serialized by reflection (Native AOT).
            blocks.Add((JsonNode)block);
        }

        AddIf(blocks, moment, SlackBlocks.Context);
        AddIf(blocks, footer, SlackBlocks.Context);
        if (buttons.Count > 0)
        {
            blocks.Add((JsonNode)SlackBlocks.Actions(buttons));
        }

        return new SlackMessage(FallbackText(reply, mention + warning, footer), blocks, reply.Attachments, reply.IsPrivate);
    }

    /// <summary>
    /// Slack's date token: each reader sees the moment in their own time zone, "today"/"tomorrow" when it is
    /// (https://api.slack.com/reference/surfaces/formatting#date-formatting). The text after '|' shows where a client
    /// cannot: the moment in the cohort's zone, written in the reply's language.
    /// </summary>
    public static string Moment(ReplyMoment moment, BotText text)
    {
        var unix = moment.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var (local, zone) = InZone(moment);
        var fallback = text.DateAndTime(local.DateTime, withYear: true) + $" ({zone})";
        var label = SlackMrkdwn.Bold(SlackCutter.Cut(moment.Label, MomentLabelLength));
        return $"{label}: <!date^{unix}^{{date_long_pretty}} {{time}}|{SlackMrkdwn.Escape(fallback.Replace('|', '∣'))}>";
    }

    private static (DateTimeOffset Local, string Zone) InZone(ReplyMoment moment)
    {
        try
        {
            return (TimeZoneInfo.ConvertTime(moment.At, TimeZoneInfo.FindSystemTimeZoneById(moment.TimeZoneId)), moment.TimeZoneId);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return (moment.At.ToUniversalTime(), "UTC");
        }
    }

    /// <summary>Fields as mrkdwn ("*Name*\nvalue"), each within its own limit and an even share of the budget.</summary>
    private static List<(string Text, bool Inline)> Fields(IEnumerable<ReplyField> fields, int budget)
    {
        var wanted = fields.Take(MaxFields)
            .Select(field => (Text: SlackMrkdwn.Bold(SlackCutter.Cut(field.Name, SlackLimits.HeaderText)) + "\n"
                + (field.Value.IsEmpty ? "-" : SlackMrkdwn.Paragraph(field.Value)), field.Inline))
            .Select(field => (
                Text: SlackCutter.Cut(field.Text, field.Inline ? SlackLimits.SectionFieldText : SlackLimits.SectionText),
                field.Inline))
            .ToList();

        // Water-filling: short fields keep all they have; what they leave is shared by the long ones.
        var shares = new int[wanted.Count];
        var left = Math.Max(0, budget);
        var order = Enumerable.Range(0, wanted.Count).OrderBy(i => wanted[i].Text.Length).ToList();
        for (var k = 0; k < order.Count; k++)
        {
            shares[order[k]] = Math.Min(wanted[order[k]].Text.Length, left / (order.Count - k));
            left -= shares[order[k]];
        }

        return [.. wanted.Select((field, i) => (SlackCutter.Cut(field.Text, shares[i]), field.Inline)).Where(field => field.Item1.Length > 0)];
    }

    // Consecutive inline fields share a section, two columns, ten at most; any other field is a section of its own.
    private static IEnumerable<JsonObject> FieldBlocks(List<(string Text, bool Inline)> fields)
    {
        var inline = new List<string>();
        foreach (var (text, isInline) in fields)
        {
            if (isInline)
            {
                inline.Add(text);
                if (inline.Count == SlackLimits.SectionFields)
                {
                    yield return SlackBlocks.Fields(inline);
                    inline = [];
                }

                continue;
            }

            if (inline.Count > 0)
            {
                yield return SlackBlocks.Fields(inline);
                inline = [];
            }

            yield return SlackBlocks.Section(text);
        }

        if (inline.Count > 0)
        {
            yield return SlackBlocks.Fields(inline);
        }
    }

    // What a notification shows: the title and the first paragraph.
    private static string FallbackText(Reply reply, string prefix, string? footer)
    {
        var parts = new[]
        {
            reply.Title is { } title ? SlackMrkdwn.Text(title.Trim()) : "",
            reply.Paragraphs.FirstOrDefault(paragraph => !paragraph.IsEmpty) is { } first ? SlackMrkdwn.Paragraph(first) : "",
        }.Where(part => part.Length > 0).ToList();
        var heading = reply.LinkLists.FirstOrDefault() is { } list ? SlackMrkdwn.Text(list.Heading) : null;
        var body = parts.Count > 0 ? string.Join('\n', parts) : footer ?? heading ?? "…";
        return SlackCutter.Cut(prefix + body, SlackLimits.MessageText);
    }

    private static void AddIf(JsonArray blocks, string? text, Func<string, JsonObject> block)
    {
        if (text is { Length: > 0 })
        {
            blocks.Add((JsonNode)block(text));
        }
    }
}
