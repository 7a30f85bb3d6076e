using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DevOps90.Bot.Slack.Api;

/// <summary>
/// Slack's external upload flow (https://docs.slack.dev/reference/methods/files.getUploadURLExternal): ask for an
/// upload URL, POST the bytes there, then complete the upload, which shares the file in a channel when one is given.
/// </summary>
internal sealed partial class SlackApiClient
{
    // Named in exceptions and logs instead of the upload URL, which is a bearer capability of its own.
    private const string UploadStep = "file upload";

    public async Task<string> UploadFileAsync(SlackFileUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentException.ThrowIfNullOrWhiteSpace(upload.FileName);

        var ticket = await CallAsync(
            SlackMethods.GetUploadUrl,
            new JsonObject { ["filename"] = upload.FileName, ["length"] = upload.Content.Length },
            cancellationToken).ConfigureAwait(false);
        var uploadUrl = StringOf(ticket, "upload_url");
        var fileId = StringOf(ticket, "file_id");
        if (fileId is null || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var target) || target.Scheme is not ("https" or "http"))
        {
            throw new SlackApiException(SlackMethods.GetUploadUrl, "invalid_response", $"{SlackMethods.GetUploadUrl} answered ok without an upload_url and a file_id", isPermanent: false);
        }

        await PostBytesAsync(target, upload.Content, cancellationToken).ConfigureAwait(false);

        var completion = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = upload.Title ?? upload.FileName }),
        };
        AddIfSet(completion, "channel_id", upload.ChannelId);
        AddIfSet(completion, "thread_ts", upload.ThreadTs);
        AddIfSet(completion, "initial_comment", upload.InitialComment);
        await CallAsync(SlackMethods.CompleteUpload, completion, cancellationToken).ConfigureAwait(false);
        return fileId;
    }

    /// <summary>
    /// The bytes as the raw body ("files can be sent as raw bytes or can be multipart form encoded"), without the bot
    /// token: the URL itself authorises the upload. Sending them again is harmless until the upload is completed.
    /// </summary>
    private async Task PostBytesAsync(Uri target, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            SlackApiException failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ReadOnlyMemoryContent(content) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                using var answer = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)answer.StatusCode;
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }

                failure = new SlackApiException(
                    UploadStep,
                    $"http_{status}",
                    $"Slack refused the file's bytes with HTTP {status}",
                    isPermanent: status < 500 && status != 429);
            }
            catch (HttpRequestException exception)
            {
                failure = new SlackApiException(UploadStep, "network", $"the file's bytes got no answer from Slack ({exception.HttpRequestError})", isPermanent: false, inner: exception);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new SlackApiException(UploadStep, "network", $"sending the file's bytes timed out after {_http.Timeout.TotalSeconds:0} s", isPermanent: false, inner: exception);
            }

            if (failure.IsPermanent || retry >= _policy.MaxTransientRetries)
            {
                LogFailed(_logger, UploadStep, failure.Error);
                throw failure;
            }

            await BackOffAsync(UploadStep, retry + 1, failure.Error, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? StringOf(JsonElement answer, string name) =>
        answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void AddIfSet(JsonObject arguments, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            arguments[name] = value;
        }
    }
}
