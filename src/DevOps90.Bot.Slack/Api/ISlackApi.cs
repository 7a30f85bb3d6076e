using System.Text.Json;
using System.Text.Json.Nodes;

namespace DevOps90.Bot.Slack.Api;

/// <summary>Slack's Web API as the adapter uses it: one method call at a time, with the bot token.</summary>
public interface ISlackApi
{
    /// <summary>
    /// Calls a Web API method (POST {ApiBaseUrl}/{method}) with the bot token and returns the response body when it
    /// says ok:true. Rate limits are waited out; anything else fails with a <see cref="SlackApiException"/>.
    /// </summary>
    Task<JsonElement> CallAsync(string method, JsonObject arguments, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a file (files.getUploadURLExternal, the upload, files.completeUploadExternal) and shares it in a
    /// channel when one is given; returns the file's id.
    /// </summary>
    Task<string> UploadFileAsync(SlackFileUpload upload, CancellationToken cancellationToken = default);

    /// <summary>apps.connections.open with the app-level token: the WebSocket URL of a new Socket Mode connection.</summary>
    Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default);
}

/// <summary>A file to upload; shared into <paramref name="ChannelId"/> (in a thread when <paramref name="ThreadTs"/> is set).</summary>
public sealed record SlackFileUpload(
    string FileName,
    ReadOnlyMemory<byte> Content,
    string? Title = null,
    string? ChannelId = null,
    string? ThreadTs = null,
    string? InitialComment = null);
