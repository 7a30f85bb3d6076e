using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DevOps90.Bot.Testing.Slack;

/// <summary>The upload flow (URL, bytes, completion) and the response_url stand-in for slash commands.</summary>
public sealed partial class FakeSlackApi
{
    private readonly Dictionary<string, PendingUpload> _pendingUploads = new(StringComparer.Ordinal);
    private readonly List<FakeSlackFile> _files = [];
    private readonly Dictionary<string, List<JsonObject>> _responses = new(StringComparer.Ordinal);
    private int _lastFileId;

    /// <summary>Completed uploads, in completion order.</summary>
    public IReadOnlyList<FakeSlackFile> Files
    {
        get
        {
            lock (_lock)
            {
                return [.. _files];
            }
        }
    }

    /// <summary>A response_url for a slash command; what is posted to it is kept under <paramref name="id"/>.</summary>
    public Uri ResponseUrl(string id) => new($"{Root}/response/{Uri.EscapeDataString(id)}");

    /// <summary>The JSON bodies posted to <see cref="ResponseUrl"/>(<paramref name="id"/>), in order.</summary>
    public IReadOnlyList<JsonObject> Responses(string id)
    {
        lock (_lock)
        {
            return _responses.TryGetValue(id, out var list) ? [.. list] : [];
        }
    }

    private JsonObject GetUploadUrl(JsonObject arguments)
    {
        if (String(arguments, "filename") is not { Length: > 0 } fileName || Integer(arguments, "length") is not { } length)
        {
            return Error("invalid_arguments");
        }

        lock (_lock)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"F0FAKE{++_lastFileId:D4}");
            _pendingUploads[id] = new PendingUpload(fileName, length);
            return Ok(new JsonObject { ["upload_url"] = $"{Root}/upload/{id}", ["file_id"] = id });
        }
    }

    // Raw bytes or a multipart form with one file, both of which Slack takes at the upload URL.
    private async Task HandleUploadAsync(HttpContext context, string fileId)
    {
        byte[] bytes;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
            using var buffer = new MemoryStream();
            if (form.Files.Count > 0)
            {
                await form.Files[0].CopyToAsync(buffer).ConfigureAwait(false);
            }

            bytes = buffer.ToArray();
        }
        else
        {
            bytes = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        }

        Record(new FakeSlackCall(
            "(upload)", context.Request.Headers.Authorization.ToString(), context.Request.ContentType, new JsonObject { ["file_id"] = fileId }, bytes, _time.GetUtcNow()));
        lock (_lock)
        {
            if (!_pendingUploads.TryGetValue(fileId, out var pending))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            _pendingUploads[fileId] = pending with { Content = bytes };
        }

        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"OK - {bytes.Length}")).ConfigureAwait(false);
    }

    private JsonObject CompleteUpload(JsonObject arguments)
    {
        if (arguments["files"] is not JsonArray { Count: > 0 } files)
        {
            return Error("invalid_arguments");
        }

        lock (_lock)
        {
            var completed = new List<FakeSlackFile>();
            foreach (var file in files)
            {
                var id = file?["id"]?.GetValue<string>();
                if (id is null || !_pendingUploads.TryGetValue(id, out var pending) || pending.Content is null)
                {
                    return Error("file_not_found");
                }

                completed.Add(new FakeSlackFile(
                    id,
                    pending.FileName,
                    pending.Length,
                    pending.Content,
                    file!["title"]?.GetValue<string>(),
                    String(arguments, "channel_id"),
                    String(arguments, "thread_ts"),
                    String(arguments, "initial_comment")));
            }

            foreach (var file in completed)
            {
                _pendingUploads.Remove(file.Id);
                _files.Add(file);
            }

            return Ok(new JsonObject
            {
                ["files"] = new JsonArray([.. completed.Select(file => (JsonNode)new JsonObject { ["id"] = file.Id, ["title"] = file.Title })]),
            });
        }
    }

    private async Task HandleResponseUrlAsync(HttpContext context, string id)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        Record(new FakeSlackCall("(response_url)", context.Request.Headers.Authorization.ToString(), context.Request.ContentType, json ?? [], body, _time.GetUtcNow()));
        if (json is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("invalid_payload").ConfigureAwait(false);
            return;
        }

        lock (_lock)
        {
            var key = Uri.UnescapeDataString(id);
            if (!_responses.TryGetValue(key, out var list))
            {
                list = [];
                _responses[key] = list;
            }

            list.Add(json);
        }

        await context.Response.WriteAsync("ok").ConfigureAwait(false);
    }

    private sealed record PendingUpload(string FileName, int Length, byte[]? Content = null);
}
