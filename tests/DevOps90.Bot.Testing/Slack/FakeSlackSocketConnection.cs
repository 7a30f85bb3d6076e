using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DevOps90.Bot.Testing.Slack;

/// <summary>
/// One Socket Mode WebSocket as Slack sees it. Messages are shaped as Slack's
/// (https://docs.slack.dev/apis/events-api/using-socket-mode): hello, disconnect with a reason, and envelopes
/// (envelope_id, type, payload, accepts_response_payload, retry_attempt) that the bot acknowledges by envelope_id.
/// The bot's close frame is answered with one of the same code.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The send lock outlives the connection (a test may still send after the bot closed), and a SemaphoreSlim whose wait handle is never asked for holds nothing to free.")]
public sealed class FakeSlackSocketConnection
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _acks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private int _envelopes;

    internal FakeSlackSocketConnection(WebSocket socket, int number, string ticket)
    {
        _socket = socket;
        Number = number;
        Ticket = ticket;
    }

    /// <summary>1 for the first WebSocket the server accepted, and so on.</summary>
    public int Number { get; }

    /// <summary>The ticket of the URL the bot connected to (see <see cref="FakeSlackSocketServer.NewConnectionUrl"/>).</summary>
    public string Ticket { get; }

    public Task HelloSent => _hello.Task;

    /// <summary>The close code the bot sent, or null when the connection ended without one.</summary>
    public Task<WebSocketCloseStatus?> ClientClosed => _closed.Task;

    public bool IsOpen => !_closed.Task.IsCompleted && _socket.State == WebSocketState.Open;

    /// <summary>Every message the bot sent on this connection, in order.</summary>
    public IReadOnlyList<JsonObject> Received => [.. _received];

    public async Task SendHelloAsync()
    {
        await SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = 1,
            ["debug_info"] = new JsonObject { ["host"] = "fake-slack", ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKE" },
        }).ConfigureAwait(false);
        _hello.TrySetResult();
    }

    /// <summary>
    /// Asks the bot to move to a new connection (warning, refresh_requested), to back off (too_many_websockets) or to
    /// stop (link_disabled). The bot may close before the send completes: that is delivery, not failure.
    /// </summary>
    public async Task SendDisconnectAsync(string reason)
    {
        try
        {
            await SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake-slack" } })
                .ConfigureAwait(false);
        }
        catch (WebSocketException) when (_socket.State is not WebSocketState.Open)
        {
            // Delivered; the bot went away under the send's completion.
        }
    }

    /// <summary>Sends an envelope and returns the bot's acknowledgement of it.</summary>
    public async Task<JsonObject> SendEnvelopeAsync(string type, JsonObject payload, bool acceptsResponsePayload = false, int retryAttempt = 0, string? envelopeId = null)
    {
        var id = await StartEnvelopeAsync(type, payload, acceptsResponsePayload, retryAttempt, envelopeId).ConfigureAwait(false);
        return await AckAsync(id).ConfigureAwait(false);
    }

    /// <summary>Sends an envelope, split into <paramref name="frames"/> WebSocket frames, and returns its envelope_id without waiting.</summary>
    public async Task<string> StartEnvelopeAsync(
        string type,
        JsonObject payload,
        bool acceptsResponsePayload = false,
        int retryAttempt = 0,
        string? envelopeId = null,
        int frames = 1)
    {
        var id = envelopeId ?? $"envelope-{Number}-{Interlocked.Increment(ref _envelopes).ToString(CultureInfo.InvariantCulture)}";
        _acks.GetOrAdd(id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        await SendAsync(
            new JsonObject
            {
                ["envelope_id"] = id,
                ["type"] = type,
                ["payload"] = payload.DeepClone(),
                ["accepts_response_payload"] = acceptsResponsePayload,
                ["retry_attempt"] = retryAttempt,
                ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
            },
            frames).ConfigureAwait(false);
        return id;
    }

    /// <summary>The bot's acknowledgement of <paramref name="envelopeId"/>, received already or to come.</summary>
    public Task<JsonObject> AckAsync(string envelopeId) =>
        _acks.GetOrAdd(envelopeId, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously))
            .Task.WaitAsync(FakeSlackSocketServer.Patience);

    /// <summary>Whether the bot has acknowledged <paramref name="envelopeId"/> yet.</summary>
    public bool WasAcknowledged(string envelopeId) =>
        _acks.TryGetValue(envelopeId, out var ack) && ack.Task.IsCompleted;

    public async Task SendAsync(JsonObject message, int frames = 1)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        var size = (bytes.Length + frames - 1) / Math.Max(1, frames);
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var length = Math.Min(size, bytes.Length - offset);
                await _socket.SendAsync(bytes.AsMemory(offset, length), WebSocketMessageType.Text, offset + length == bytes.Length, CancellationToken.None)
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Ends the connection without a close frame, as a network failure would.</summary>
    public void Drop() => _socket.Abort();

    /// <summary>Closes from Slack's side with <paramref name="status"/>.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.EndpointUnavailable)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.CloseOutputAsync(status, "closed by the fake Slack", CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException) when (_socket.State is not WebSocketState.Open)
        {
            // The bot dropped the connection before the send completed: closed all the same.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    internal async Task ReadUntilClosedAsync(CancellationToken stopping)
    {
        var buffer = new byte[1024 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), stopping).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    var status = _socket.CloseStatus;
                    await AnswerCloseAsync(status ?? WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
                    _closed.TrySetResult(status);
                    return;
                }

                var message = JsonNode.Parse(buffer.AsSpan(0, length))!.AsObject();
                _received.Enqueue(message);
                if (message["envelope_id"]?.GetValue<string>() is { } id)
                {
                    _acks.GetOrAdd(id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(message);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or JsonException)
        {
            _closed.TrySetResult(null);
        }
    }

    private async Task AnswerCloseAsync(WebSocketCloseStatus status)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(status, "", CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The bot did not wait for the answer.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
