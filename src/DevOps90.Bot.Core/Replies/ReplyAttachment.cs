namespace DevOps90.Bot.Core.Replies;

/// <summary>
/// A file sent with a reply (a CSV export, a PNG chart). Platforms upload it (Discord: multipart), the console writes
/// it to a folder. <paramref name="FileName"/> is a plain name without folders: adapters may use it as a path segment.
/// </summary>
public sealed record ReplyAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string? Description = null)
{
    public const string Png = "image/png";
    public const string Csv = "text/csv";

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
