using System.Threading.Channels;
using DevOps90.Bot.Slack.Rendering;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>
/// A reply finished after Slack's acknowledgement: a slow command, a reply with files, or any button press (whose
/// acknowledgement cannot carry a message). Sent through the request's response_url, its files uploaded first.
/// </summary>
internal sealed record SlackFollowUp(SlackCaller Caller, Uri? ResponseUrl, Task<SlackMessage> Work);

/// <summary>The queue of follow-ups; <see cref="SlackFollowUpSender"/> drains it.</summary>
internal sealed class SlackFollowUps
{
    private readonly Channel<SlackFollowUp> _queue = Channel.CreateUnbounded<SlackFollowUp>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<SlackFollowUp> Reader => _queue.Reader;

    public void Enqueue(SlackFollowUp followUp) => _queue.Writer.TryWrite(followUp);
}
