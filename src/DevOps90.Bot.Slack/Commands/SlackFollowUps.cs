using DevOps90.Bot.Core.Background;
using DevOps90.Bot.Slack.Rendering;

namespace DevOps90.Bot.Slack.Commands;

/// <summary>
/// A reply finished after Slack's acknowledgement: a slow command, a reply with files, or any button press (whose
/// acknowledgement cannot carry a message). Sent through the request's response_url, its files uploaded first.
/// </summary>
internal sealed record SlackFollowUp(SlackCaller Caller, Uri? ResponseUrl, Task<SlackMessage> Work);

/// <summary>
/// The queue of follow-ups; <see cref="SlackFollowUpSender"/> runs it, and a stopping host finishes every follow-up it
/// took (<see cref="InFlightWork"/>).
/// </summary>
internal sealed class SlackFollowUps(InFlightWork inFlight)
{
    /// <summary>A slow export must not hold up the replies queued behind it.</summary>
    public const int MaxConcurrent = 8;

    public BackgroundWorkers<SlackFollowUp> Queue { get; } = new(inFlight, MaxConcurrent, AtStop.FinishQueued);

    /// <summary>
    /// The token for the work a follow-up waits on: cancelled only when the host stops waiting for work in flight, so
    /// that a reply being prepared when a stop begins is still sent.
    /// </summary>
    public CancellationToken WorkToken => inFlight.Abandoned;

    /// <summary>Takes the follow-up to send; false once the host has begun to stop, when nothing new is taken.</summary>
    public bool TryEnqueue(SlackFollowUp followUp) => Queue.TryEnqueue(followUp);
}
