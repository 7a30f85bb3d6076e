using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>
/// Members named in a message everyone sees, written as their Slack names rather than as mentions. Slack has nothing
/// like Discord's allowed_mentions: a &lt;@U…&gt; in a channel message notifies that member, so a leaderboard would ping
/// ten people after every daily post. A reply only its reader sees keeps the mentions (they notify nobody).
/// </summary>
internal static class SlackMemberNames
{
    public static async Task<Reply> ForEveryoneAsync(Reply reply, SlackUsers users, CancellationToken cancellationToken = default)
    {
        if (reply.IsPrivate || !Mentions(reply).Any())
        {
            return reply;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in Mentions(reply).Select(span => span.Target!).Distinct(StringComparer.Ordinal))
        {
            if (SlackMembers.TryParse(member, out _, out var user))
            {
                var known = await users.GetAsync(user, cancellationToken).ConfigureAwait(false);
                names[member] = "@" + (known.Name ?? user);
            }
        }

        return reply with
        {
            Paragraphs = [.. reply.Paragraphs.Select(paragraph => Named(paragraph, names))],
            Fields = [.. reply.Fields.Select(field => field with { Value = Named(field.Value, names) })],
        };
    }

    private static IEnumerable<ReplySpan> Mentions(Reply reply) =>
        reply.Paragraphs.Concat(reply.Fields.Select(field => field.Value))
            .SelectMany(paragraph => paragraph.Lines)
            .SelectMany(line => line.Spans)
            .Where(span => span.Kind == SpanKind.Member && span.Target is not null);

    private static ReplyParagraph Named(ReplyParagraph paragraph, Dictionary<string, string> names) =>
        paragraph with
        {
            Lines = [.. paragraph.Lines.Select(line => line with
            {
                Spans = [.. line.Spans.Select(span => span.Kind == SpanKind.Member && names.TryGetValue(span.Target!, out var name) ? ReplySpan.Bold(name) : span)],
            })],
        };
}
