namespace DevOps90.Bot.Discord.Rendering;

/// <summary>Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).</summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;
    public const int EmbedsTotal = 6000;
    public const int Embeds = 10;
    public const int ButtonsPerRow = 5;
    public const int Rows = 5;
    public const int ButtonLabel = 80;
    public const int CustomId = 100;
    public const int AutocompleteChoices = 25;
    public const int ChoiceName = 100;
    public const int ChoiceValue = 100;
    public const int EphemeralFlag = 64;

    /// <summary>Files per message (the <c>attachments</c> array holds at most 10).</summary>
    public const int Attachments = 10;

    public const int AttachmentDescription = 1024;

    /// <summary>
    /// The upload limit per file where neither the server's boosts nor the sender's Nitro raise it: 10 MiB
    /// (https://discord.com/developers/docs/reference#uploading-files; it was 25 MiB until 2024).
    /// </summary>
    public const long DefaultMaxUploadBytes = 10L * 1024 * 1024;
}
