using System.Collections.Concurrent;
using DevOps90.Bot.Core.Reminders;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Testing;

/// <summary>Private messages kept in memory; members listed in <see cref="Closed"/> answer as Discord's 50007 does.</summary>
public sealed class RecordingMessenger(string platform = "console") : IDirectMessenger
{
    public string Platform => platform;

    public ConcurrentBag<string> Closed { get; } = [];

    public ConcurrentQueue<(string MemberId, Reply Message)> Sent { get; } = new();

    /// <summary>Every attempt, refused ones included.</summary>
    public ConcurrentQueue<string> Attempts { get; } = new();

    public Task<DirectMessageResult> SendAsync(string memberId, Reply message, CancellationToken cancellationToken = default)
    {
        Attempts.Enqueue(memberId);
        if (Closed.Contains(memberId))
        {
            return Task.FromResult(new DirectMessageResult(DirectMessageOutcome.Closed, Reason: "Discord 403 (50007): Cannot send messages to this user"));
        }

        Sent.Enqueue((memberId, message));
        return Task.FromResult(new DirectMessageResult(DirectMessageOutcome.Sent, $"dm-{Sent.Count}"));
    }
}
