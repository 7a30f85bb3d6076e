using System.Collections.Immutable;
using System.IO.Compression;
using DevOps90.Bot.Core.Localization;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Discord.Rendering;

/// <summary>
/// Keeps a reply's files within the upload limit, which Discord applies to each file of a request: a CSV over it is
/// sent gzip-compressed instead (<c>name.csv.gz</c>, <c>application/gzip</c>) when that fits, since exports compress
/// several times over; any other file over it is left out, and the reply says so in its own language.
/// </summary>
public static class AttachmentFitter
{
    public const string Gzip = "application/gzip";

    private const double BytesPerMegabyte = 1024 * 1024;

    public static Reply Fit(Reply reply, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (reply.Attachments.Length <= DiscordLimits.Attachments && reply.Attachments.All(attachment => attachment.Content.Length <= maxBytes))
        {
            return reply;
        }

        var text = BotText.For(reply.Language ?? "en");
        var kept = ImmutableArray.CreateBuilder<ReplyAttachment>();
        var notes = new List<string>();

        // Core's replies carry one or two files; more than Discord's ten would be a bug there, not news for a member.
        foreach (var attachment in reply.Attachments.Take(DiscordLimits.Attachments))
        {
            if (attachment.Content.Length <= maxBytes)
            {
                kept.Add(attachment);
            }
            else if (IsCsv(attachment) && Compress(attachment) is { } compressed && compressed.Content.Length <= maxBytes)
            {
                kept.Add(compressed);
            }
            else
            {
                notes.Add(text.Format("Error.AttachmentTooLarge", attachment.FileName, SizeRoundedUp(attachment.Content.Length, text), Limit(maxBytes, text)));
            }
        }

        return reply with { Attachments = kept.ToImmutable(), Paragraphs = [.. reply.Paragraphs, .. notes] };
    }

    private static bool IsCsv(ReplyAttachment attachment) =>
        attachment.ContentType.Split(';')[0].Trim().Equals(ReplyAttachment.Csv, StringComparison.OrdinalIgnoreCase);

    private static ReplyAttachment Compress(ReplyAttachment csv)
    {
        var buffer = new MemoryStream(capacity: csv.Content.Length / 4);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(csv.Content.Span);
        }

        return csv with { FileName = csv.FileName + ".gz", ContentType = Gzip, Content = buffer.GetBuffer().AsMemory(0, (int)buffer.Length) };
    }

    // Rounded up, so that a file just over the limit never reads as the limit itself ("10.1 MB; the limit is 10 MB").
    private static string SizeRoundedUp(long bytes, BotText text) =>
        (Math.Ceiling(bytes / BytesPerMegabyte * 10) / 10).ToString("0.0", text.Culture);

    private static string Limit(long bytes, BotText text) => (bytes / BytesPerMegabyte).ToString("0.#", text.Culture);
}
