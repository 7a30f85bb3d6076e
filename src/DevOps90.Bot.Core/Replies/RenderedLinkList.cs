using System.Collections.Immutable;

namespace DevOps90.Bot.Core.Replies;

/// <summary>
/// A <see cref="ReplyLinkList"/> as an adapter has rendered it for <see cref="LinkListLayout"/>: the heading and one
/// line per link, in the adapter's own markup, without line breaks (the layout places those).
/// </summary>
public sealed record RenderedLinkList(string Heading, ImmutableArray<string> Lines);
