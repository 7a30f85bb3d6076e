using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Api;
using DevOps90.Bot.Testing.Slack;

namespace DevOps90.Bot.Slack.Tests.SocketMode;

/// <summary>
/// apps.connections.open and nothing else: each call takes the next scripted failure, if any, and otherwise returns a
/// new connection URL of the fake Socket Mode server.
/// </summary>
internal sealed class SocketUrlApi(FakeSlackSocketServer server) : ISlackApi
{
    private readonly ConcurrentQueue<Exception> _failures = new();
    private int _calls;

    public int OpenConnectionCalls => Volatile.Read(ref _calls);

    public void FailNext(Exception exception) => _failures.Enqueue(exception);

    public Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return _failures.TryDequeue(out var failure) ? Task.FromException<Uri>(failure) : Task.FromResult(server.NewConnectionUrl());
    }

    public Task<JsonElement> CallAsync(string method, JsonObject arguments, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Socket Mode tests call apps.connections.open only.");

    public Task<string> UploadFileAsync(SlackFileUpload upload, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Socket Mode tests call apps.connections.open only.");
}
