using System.Text.Json.Serialization;

namespace DevOps90.Bot.Discord.Payloads;

/// <summary>
/// A message body as Discord's API takes it (create message, interaction callback data, follow-up); field names and
/// limits from https://discord.com/developers/docs/resources/message#create-message. Null fields are left out.
/// </summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<EmbedPayload>? Embeds { get; init; }

    public IReadOnlyList<ActionRowPayload>? Components { get; init; }

    public AllowedMentionsPayload? AllowedMentions { get; init; }

    /// <summary>64 = EPHEMERAL (only the user who asked sees it).</summary>
    public int? Flags { get; init; }

    /// <summary>With <see cref="EnforceNonce"/>, a repeat of the same nonce within minutes returns the first message.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    /// <summary>The files, sent as multipart parts <c>files[n]</c> beside the JSON, never inside it.</summary>
    [JsonIgnore]
    public IReadOnlyList<MessageFile> Files { get; init; } = [];

    /// <summary>One entry per file, derived from <see cref="Files"/> so that the ids always match the part names.</summary>
    public IReadOnlyList<AttachmentPayload>? Attachments => MessageFile.Describe(Files);
}

public sealed record EmbedPayload
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedFieldPayload>? Fields { get; init; }

    public EmbedFooterPayload? Footer { get; init; }

    /// <summary>An uploaded picture is shown with <c>attachment://{filename}</c>.</summary>
    public EmbedImagePayload? Image { get; init; }
}

public sealed record EmbedImagePayload(string Url);

public sealed record EmbedFieldPayload(string Name, string Value, bool Inline = false);

public sealed record EmbedFooterPayload(string Text);

public sealed record ActionRowPayload(IReadOnlyList<ButtonPayload> Components)
{
    public int Type { get; init; } = 1;
}

/// <summary>Style 1..4 with a custom_id, 5 (link) with a url.</summary>
public sealed record ButtonPayload
{
    public int Type { get; init; } = 2;

    public required int Style { get; init; }

    public required string Label { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }
}

/// <summary>Which mentions may notify: nothing unless listed (an empty <c>parse</c> disables @everyone and user pings).</summary>
public sealed record AllowedMentionsPayload
{
    public IReadOnlyList<string> Parse { get; init; } = [];

    public IReadOnlyList<string>? Roles { get; init; }

    public static AllowedMentionsPayload None { get; } = new();
}
