using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Replies;

/// <summary>
/// What the bot says, before any platform decides how it looks. Adapters render it (embeds, blocks, console text)
/// and enforce their own limits.
/// </summary>
public sealed record Reply
{
    public string? Title { get; init; }

    /// <summary>Where the title links to (the full lesson).</summary>
    public string? TitleUrl { get; init; }

    /// <summary>Prose blocks and lists, in order.</summary>
    public ImmutableArray<ReplyParagraph> Paragraphs { get; init; } = [];

    public ImmutableArray<ReplyField> Fields { get; init; } = [];

    public ImmutableArray<ReplyLinkList> LinkLists { get; init; } = [];

    public ImmutableArray<ReplyButton> Buttons { get; init; } = [];

    public string? Footer { get; init; }

    /// <summary>Files sent with the reply, in order.</summary>
    public ImmutableArray<ReplyAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// The file name of an image attachment shown as the reply's picture (Discord: the embed image); the other
    /// attachments are plain files.
    /// </summary>
    public string? Image { get; init; }

    /// <summary>Only the person who asked sees it (errors, personal data).</summary>
    public bool IsPrivate { get; init; }

    public bool IsError { get; init; }

    /// <summary>The language it is written in, for renderers whose typography or dates depend on it.</summary>
    public string? Language { get; init; }

    /// <summary>A moment shown in each reader's own time zone where the platform can (Discord's &lt;t:...&gt;).</summary>
    public ReplyMoment? Moment { get; init; }

    public static Reply Error(ReplyParagraph message) => new() { Paragraphs = [message], IsPrivate = true, IsError = true };

    public static Reply Text(ReplyParagraph message, bool isPrivate = false) => new() { Paragraphs = [message], IsPrivate = isPrivate };
}

public sealed record ReplyField(string Name, ReplyParagraph Value, bool Inline = false);

public sealed record ReplyLink(string Title, string Url);

public sealed record ReplyLinkList(string Heading, ImmutableArray<ReplyLink> Links);

/// <summary>A button: either runs a command line ("day 3") or opens a URL.</summary>
public sealed record ReplyButton(string Label, string? Command = null, string? Url = null);

/// <summary>A labelled instant, e.g. "Next post" at 18:00 Paris time.</summary>
public sealed record ReplyMoment(string Label, DateTimeOffset At, string TimeZoneId);
