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

    /// <summary>Threads opened on posts, in order: the post's id and the thread's name.</summary>
    public ConcurrentQueue<(string MessageId, string Name)> Threads { get; } = new();

    /// <summary>Messages posted in threads, in order.</summary>
    public ConcurrentQueue<(string ThreadId, Reply Post)> ThreadPosts { get; } = new();

    /// <summary>Roles given, in order.</summary>
    public ConcurrentQueue<(string MemberId, string RoleId)> Roles { get; } = new();

    /// <summary>The next thread openings answer these (then opening succeeds again).</summary>
    public ConcurrentQueue<PublishResult> ThreadAnswers { get; } = new();

    /// <summary>The next role grants answer these (then granting succeeds again).</summary>
    public ConcurrentQueue<RoleGrantResult> RoleAnswers { get; } = new();

    /// <summary>Threads that are archived: posting in them fails for good, as on Discord.</summary>
    public ConcurrentDictionary<string, bool> Archived { get; } = new();

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

    /// <summary>A thread named "thread-of-&lt;message&gt;" unless an answer is scripted.</summary>
    public Task<PublishResult> OpenThreadAsync(ChatTarget target, string messageId, string name, CancellationToken cancellationToken = default)
    {
        if (ThreadAnswers.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted);
        }

        Threads.Enqueue((messageId, name));
        return Task.FromResult(PublishResult.Sent("thread-of-" + messageId));
    }

    public Task<PublishResult> PostInThreadAsync(ChatTarget target, string threadId, Reply post, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (Archived.ContainsKey(threadId))
        {
            return Task.FromResult(PublishResult.Permanent("the thread is archived"));
        }

        ThreadPosts.Enqueue((threadId, post));
        return Task.FromResult(PublishResult.Sent($"{threadId}/message-{ThreadPosts.Count}"));
    }

    public Task<RoleGrantResult> GiveRoleAsync(ChatTarget target, string memberId, string roleId, CancellationToken cancellationToken = default)
    {
        if (RoleAnswers.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted);
        }

        Roles.Enqueue((memberId, roleId));
        return Task.FromResult(new RoleGrantResult(RoleGrantOutcome.Given));
    }
}

public sealed record PublishedPost(ChatTarget Target, Reply Post, string IdempotencyKey, string? MentionRoleId);
