using System.Globalization;
using DevOps90.Bot.Core.Commands;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Payloads;

namespace DevOps90.Bot.Discord.Rendering;

/// <summary>
/// Turns a platform-neutral reply into one Discord message within every limit: an embed (title linked to the full
/// lesson, prose and link lists in the description, fields, footer), buttons in rows, no mention that notifies
/// unless a role mention is intended. Whatever does not fit is cut at a sentence or word with "…", and the link
/// lists shortened first, evenly across lists (<see cref="LinkListFitter"/>), since the full lesson link carries them all. Files go with the message within the upload
/// limit (<see cref="AttachmentFitter"/>), and the reply's picture shows as the embed's image.
/// </summary>
public static class DiscordRenderer
{
    private const int InfoColour = 0x2B6CB0;
    private const int ErrorColour = 0xC53030;

    // "Only .jpg, .jpeg, .png, .webp, and .gif may be used" for attachment:// in embeds.
    private static readonly HashSet<string> EmbeddableExtensions = new([".jpg", ".jpeg", ".png", ".webp", ".gif"], StringComparer.OrdinalIgnoreCase);

    public static MessagePayload Render(Reply reply, string? mentionRoleId = null, long maxUploadBytes = DiscordLimits.DefaultMaxUploadBytes)
    {
        reply = AttachmentFitter.Fit(reply, maxUploadBytes);

        var text = BotText.For(reply.Language ?? "en");
        var title = reply.Title is { } heading ? TextCutter.Cut(heading, DiscordLimits.EmbedTitle) : null;
        var footer = reply.Footer is { } foot ? TextCutter.Cut(foot, DiscordLimits.Footer) : null;
        var fields = reply.Fields.Take(DiscordLimits.EmbedFields)
            .Select(field => new EmbedFieldPayload(
                TextCutter.Cut(field.Name, DiscordLimits.FieldName),
                TextCutter.Cut(field.Value.IsEmpty ? "-" : DiscordMarkdown.Paragraph(field.Value), DiscordLimits.FieldValue),
                field.Inline))
            .ToList();

        var fixedLength = (title?.Length ?? 0) + (footer?.Length ?? 0) + fields.Sum(field => field.Name.Length + field.Value.Length);
        var budget = Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedsTotal - fixedLength);
        var description = Description(reply, text, budget);

        var embed = new EmbedPayload
        {
            Title = title,
            Url = reply.TitleUrl,
            Description = description.Length == 0 ? null : description,
            Color = reply.IsError ? ErrorColour : InfoColour,
            Fields = fields.Count == 0 ? null : fields,
            Footer = footer is null ? null : new EmbedFooterPayload(footer),
            Image = Picture(reply),
        };

        return new MessagePayload
        {
            Content = mentionRoleId is null ? null : $"<@&{mentionRoleId}>",
            Embeds = [embed],
            Components = Rows(reply.Buttons),
            AllowedMentions = mentionRoleId is null ? AllowedMentionsPayload.None : new AllowedMentionsPayload { Roles = [mentionRoleId] },
            Flags = reply.IsPrivate ? DiscordLimits.EphemeralFlag : null,
            Files = [.. reply.Attachments.Select(attachment => new MessageFile(
                SafeFileName(attachment.FileName),
                attachment.ContentType,
                attachment.Content,
                attachment.Description is { } about ? TextCutter.Cut(about, DiscordLimits.AttachmentDescription) : null))],
        };
    }

    /// <summary>
    /// The name a file is uploaded under: <c>attachment://</c> references take only ASCII letters, digits, '_', '-'
    /// and '.' (https://discord.com/developers/docs/reference#uploading-files), so anything else becomes '_'.
    /// </summary>
    public static string SafeFileName(string fileName)
    {
        var safe = string.Create(fileName.Length, fileName, static (span, name) =>
        {
            for (var i = 0; i < name.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(name[i]) || name[i] is '_' or '-' or '.' ? name[i] : '_';
            }
        });
        return safe.Length == 0 ? "file" : safe;
    }

    /// <summary>The reply's picture, if it names an image among the files sent, in a format embeds can show.</summary>
    private static EmbedImagePayload? Picture(Reply reply)
    {
        if (reply.Image is not { } name || reply.Attachments.FirstOrDefault(attachment => attachment.FileName == name) is not { IsImage: true } image)
        {
            return null;
        }

        var uploaded = SafeFileName(image.FileName);
        return EmbeddableExtensions.Contains(Path.GetExtension(uploaded)) ? new EmbedImagePayload("attachment://" + uploaded) : null;
    }

    /// <summary>The custom_id of a button that runs a command line ("day 3").</summary>
    public static string CustomIdFor(string commandLine) => TextCutter.Cut("cmd:" + commandLine, DiscordLimits.CustomId);

    private static string Description(Reply reply, BotText text, int budget)
    {
        // Members named in the text show as Discord mentions; allowed_mentions keeps them from notifying.
        var prose = string.Join("\n\n", reply.Paragraphs.Select(DiscordMarkdown.Paragraph));
        if (reply.Moment is { } moment)
        {
            var unix = moment.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            // <t:…:F> and <t:…:R> show each reader the moment in their own time zone and language.
            prose += (prose.Length > 0 ? "\n\n" : "") + DiscordMarkdown.Line(text.Line("Reply.Moment", ReplySpan.Bold(moment.Label), $"<t:{unix}:F>", $"<t:{unix}:R>"));
        }

        prose = TextCutter.Cut(prose, Math.Max(0, budget - 200));
        return (prose + LinkListFitter.Render(reply.LinkLists, text, budget - prose.Length)).Trim();
    }

    private static IReadOnlyList<ActionRowPayload>? Rows(IReadOnlyList<ReplyButton> buttons)
    {
        if (buttons.Count == 0)
        {
            return null;
        }

        return [.. buttons
            .Take(DiscordLimits.ButtonsPerRow * DiscordLimits.Rows)
            .Select(button => button.Url is { } url
                ? new ButtonPayload { Style = 5, Label = TextCutter.Cut(button.Label, DiscordLimits.ButtonLabel), Url = url }
                : new ButtonPayload { Style = 2, Label = TextCutter.Cut(button.Label, DiscordLimits.ButtonLabel), CustomId = CustomIdFor(button.Command ?? CommandNames.Help) })
            .Chunk(DiscordLimits.ButtonsPerRow)
            .Select(row => new ActionRowPayload([.. row]))];
    }
}
