using System.Collections.Concurrent;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Testing;

/// <summary>A publisher that remembers every post, and can be told to fail the next ones.</summary>
public sealed class RecordingPublisher(string platform = "console") : IChatPublisher
{
    private readonly ConcurrentQueue<PublishResult> _scripted = new();

    public string Platform => platform;

    public ConcurrentQueue<PublishedPost> Posts { get; } = new();

    /// <summary>Edits of earlier messages, in order.</summary>
    public ConcurrentQueue<(string MessageId, Reply Post)> Edits { get; } = new();

    /// <summary>Every call, including those that failed.</summary>
    public int Attempts => _attempts;

    private int _attempts;

    /// <summary>The next calls return these results (then posting succeeds again).</summary>
    public void FailNext(params PublishResult[] results)
    {
        foreach (var result in results)
        {
            _scripted.Enqueue(result);
        }
    }

    public Task<PublishResult> PublishAsync(ChatTarget target, Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _attempts);
        if (_scripted.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted);
        }

        Posts.Enqueue(new PublishedPost(target, post, idempotencyKey, mentionRoleId));
        return Task.FromResult(PublishResult.Sent($"message-{Posts.Count}"));
    }

    /// <summary>Edits a message it posted (scripted failures apply here too); an unknown id fails as a deleted message would.</summary>
    public Task<PublishResult> EditAsync(ChatTarget target, string messageId, Reply post, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _attempts);
        if (_scripted.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted);
        }

        if (!int.TryParse(messageId.Replace("message-", "", StringComparison.Ordinal), out var number) || number < 1 || number > Posts.Count)
        {
            return Task.FromResult(PublishResult.Permanent($"unknown message {messageId}"));
        }

        Edits.Enqueue((messageId, post));
        return Task.FromResult(PublishResult.Sent(messageId));
    }
}

public sealed record PublishedPost(ChatTarget Target, Reply Post, string IdempotencyKey, string? MentionRoleId);
