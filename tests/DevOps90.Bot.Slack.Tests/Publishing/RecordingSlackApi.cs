using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOps90.Bot.Slack.Api;

namespace DevOps90.Bot.Slack.Tests.Publishing;

/// <summary>An in-process <see cref="ISlackApi"/> that records calls and answers ok with a fresh ts: for tests that send many messages.</summary>
internal sealed class RecordingSlackApi : ISlackApi
{
    private int _ts;

    public List<(string Method, JsonObject Arguments)> Calls { get; } = [];

    public List<SlackFileUpload> Uploads { get; } = [];

    public Task<JsonElement> CallAsync(string method, JsonObject arguments, CancellationToken cancellationToken = default)
    {
        Calls.Add((method, (JsonObject)arguments.DeepClone()));
        var ts = string.Create(CultureInfo.InvariantCulture, $"1700000000.{++_ts:D6}");
        return Task.FromResult(JsonDocument.Parse($$"""{"ok":true,"channel":"C0LESSONS","ts":"{{ts}}"}""").RootElement.Clone());
    }

    public Task<string> UploadFileAsync(SlackFileUpload upload, CancellationToken cancellationToken = default)
    {
        Uploads.Add(upload);
        return Task.FromResult($"F{Uploads.Count}");
    }

    public Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
