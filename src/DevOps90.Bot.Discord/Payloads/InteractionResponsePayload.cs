using System.Text.Json.Serialization;

namespace DevOps90.Bot.Discord.Payloads;

/// <summary>The interaction callback types this bot uses (https://discord.com/developers/docs/interactions/receiving-and-responding).</summary>
public static class InteractionCallbackType
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int ApplicationCommandAutocompleteResult = 8;
}

/// <summary>An interaction callback: a type and, for most types, data.</summary>
public sealed record InteractionResponsePayload(int Type, InteractionCallbackDataPayload? Data = null);

/// <summary>Message fields for message callbacks, or choices for an autocomplete result.</summary>
public sealed record InteractionCallbackDataPayload
{
    public string? Content { get; init; }

    public IReadOnlyList<EmbedPayload>? Embeds { get; init; }

    public IReadOnlyList<ActionRowPayload>? Components { get; init; }

    public AllowedMentionsPayload? AllowedMentions { get; init; }

    public int? Flags { get; init; }

    public IReadOnlyList<AutocompleteChoicePayload>? Choices { get; init; }

    /// <summary>Files go with the callback only when it is posted through REST as multipart, never in a JSON answer.</summary>
    [JsonIgnore]
    public IReadOnlyList<MessageFile> Files { get; init; } = [];

    public IReadOnlyList<AttachmentPayload>? Attachments => MessageFile.Describe(Files);

    public static InteractionCallbackDataPayload From(MessagePayload message) => new()
    {
        Content = message.Content,
        Embeds = message.Embeds,
        Components = message.Components,
        AllowedMentions = message.AllowedMentions,
        Flags = message.Flags,
        Files = message.Files,
    };
}

public sealed record AutocompleteChoicePayload(string Name, string Value);
