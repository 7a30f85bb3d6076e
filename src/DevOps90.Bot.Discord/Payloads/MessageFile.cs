using System.Globalization;

namespace DevOps90.Bot.Discord.Payloads;

/// <summary>A file uploaded with a message: the bytes of one multipart part <c>files[n]</c>.</summary>
public sealed record MessageFile(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string? Description = null)
{
    /// <summary>
    /// The <c>attachments</c> array of the JSON part: the id of each entry is the index n of its part files[n]
    /// (https://discord.com/developers/docs/reference#uploading-files). Null without files, so that an edit leaves
    /// the files a message already has alone.
    /// </summary>
    public static IReadOnlyList<AttachmentPayload>? Describe(IReadOnlyList<MessageFile> files) =>
        files.Count == 0
            ? null
            : [.. files.Select((file, index) => new AttachmentPayload(index.ToString(CultureInfo.InvariantCulture), file.FileName, file.Description))];
}

/// <summary>
/// An entry of a message's <c>attachments</c>. The id is a snowflake placeholder; Discord's OpenAPI document types it
/// as a string of digits.
/// </summary>
public sealed record AttachmentPayload(string Id, string Filename, string? Description = null);
