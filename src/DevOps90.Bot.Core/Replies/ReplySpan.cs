namespace DevOps90.Bot.Core.Replies;

public enum SpanKind
{
    Text,
    Bold,

    /// <summary>Literal text shown as typed, e.g. a command ("/day 2").</summary>
    Code,

    /// <summary><see cref="ReplySpan.Text"/> links to <see cref="ReplySpan.Target"/>.</summary>
    Link,

    /// <summary>A member of ours (<see cref="ReplySpan.Target"/> is the member id); each platform names them its own way.</summary>
    Member,
}

/// <summary>
/// A run of text with one meaning. Replies are made of these rather than of one platform's markup, so each adapter
/// writes its own (Discord markdown, Slack mrkdwn, plain console text) and escapes what its markup would misread.
/// </summary>
public sealed record ReplySpan(SpanKind Kind, string Text, string? Target = null)
{
    public static ReplySpan Plain(string text) => new(SpanKind.Text, text);

    public static ReplySpan Bold(string text) => new(SpanKind.Bold, text);

    public static ReplySpan Code(string text) => new(SpanKind.Code, text);

    public static ReplySpan Link(string text, string url) => new(SpanKind.Link, text, url);

    /// <summary>A member; its text is the id, for renderers that have nothing better to show.</summary>
    public static ReplySpan Member(string memberId) => new(SpanKind.Member, memberId, memberId);

    public static implicit operator ReplySpan(string text) => Plain(text);

    /// <summary>For logs and test messages: links as "text &lt;url&gt;", members as "@id".</summary>
    public override string ToString() => Kind switch
    {
        SpanKind.Link => $"{Text} <{Target}>",
        SpanKind.Member => "@" + Target,
        _ => Text,
    };
}
