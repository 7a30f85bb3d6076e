using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DevOps90.Bot.Discord.Payloads;

namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// A request body, built once: every attempt of the request loop (after a 429 or a 5xx) sends these same bytes in a
/// new <see cref="HttpContent"/>. JSON alone, or, with files, <c>multipart/form-data</c> with the JSON in a
/// <c>payload_json</c> part and one <c>files[n]</c> part per file (https://discord.com/developers/docs/reference#uploading-files).
/// A class, not a record: a record's generated equality and ToString over megabytes of bytes help nobody.
/// </summary>
internal sealed class RequestBody
{
    private const string JsonType = "application/json";

    private readonly byte[] _bytes;
    private readonly string _contentType;

    private RequestBody(byte[] bytes, string contentType)
    {
        _bytes = bytes;
        _contentType = contentType;
    }

    public static RequestBody Json<T>(T value, JsonTypeInfo<T> type) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, type), JsonType);

    /// <summary>The JSON alone without files, else multipart: the part files[n] is the file whose attachment id is n.</summary>
    public static RequestBody WithFiles<T>(T value, JsonTypeInfo<T> type, IReadOnlyList<MessageFile> files)
    {
        if (files.Count == 0)
        {
            return Json(value, type);
        }

        using var form = new MultipartFormDataContent();
        var json = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        json.Headers.ContentType = new MediaTypeHeaderValue(JsonType);
        form.Add(json, "payload_json");
        for (var n = 0; n < files.Count; n++)
        {
            var file = new ReadOnlyMemoryContent(files[n].Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(files[n].ContentType);
            form.Add(file, $"files[{n}]", files[n].FileName);
        }

        using var buffer = new MemoryStream(capacity: files.Sum(file => file.Content.Length) + 4096);
        form.CopyTo(buffer, context: null, CancellationToken.None);
        return new RequestBody(buffer.ToArray(), form.Headers.ContentType!.ToString());
    }

    /// <summary>A fresh content over the same bytes, for one attempt (a request and its content are disposed after it).</summary>
    public HttpContent CreateContent()
    {
        var content = new ByteArrayContent(_bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType);
        return content;
    }
}
