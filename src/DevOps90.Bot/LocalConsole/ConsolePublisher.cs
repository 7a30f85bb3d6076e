using System.Globalization;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Delivery;
using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.LocalConsole;

/// <summary>Daily posts for console:console cohorts, printed between the replies.</summary>
internal sealed class ConsolePublisher(ConsoleIO io) : IChatPublisher
{
    private int _sent;

    public string Platform => ChatTarget.Console.Platform;

    public async Task<PublishResult> PublishAsync(ChatTarget target, Reply post, string idempotencyKey, string? mentionRoleId, CancellationToken cancellationToken = default)
    {
        await WriteAsync(mentionRoleId is null ? null : "@" + mentionRoleId, post, cancellationToken).ConfigureAwait(false);
        return PublishResult.Sent($"console-{Interlocked.Increment(ref _sent)}");
    }

    /// <summary>A terminal cannot change what it printed: the new version is printed again, marked as an update.</summary>
    public async Task<PublishResult> EditAsync(ChatTarget target, string messageId, Reply post, CancellationToken cancellationToken = default)
    {
        await WriteAsync($"({messageId})", post, cancellationToken).ConfigureAwait(false);
        return PublishResult.Sent(messageId);
    }

    private Task WriteAsync(string? header, Reply post, CancellationToken cancellationToken)
    {
        var above = header is null ? "" : header + Environment.NewLine;
        var rendered = ConsoleRenderer.Render(post, CultureInfo.GetCultureInfo(post.Language ?? "en"));
        return io.WriteAsync($"{Environment.NewLine}{above}{rendered}{Environment.NewLine}", cancellationToken);
    }
}
