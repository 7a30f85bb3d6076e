using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DevOps90.Bot.Slack.Api;

/// <summary>
/// A method's arguments as bytes, built once so that a retry sends exactly the same request: JSON, or a form whose
/// nested values (blocks, arrays, objects) are JSON-encoded strings, as Slack reads them
/// (https://docs.slack.dev/apis/web-api#posting_json). Which of the two is <see cref="SlackMethods.TakesJson"/>'s call.
/// </summary>
internal sealed class SlackRequestBody
{
    private const string JsonType = "application/json; charset=utf-8";
    private const string FormType = "application/x-www-form-urlencoded";

    private readonly byte[] _bytes;
    private readonly string _type;

    private SlackRequestBody(byte[] bytes, string type)
    {
        _bytes = bytes;
        _type = type;
    }

    public static SlackRequestBody For(string method, JsonObject arguments) =>
        SlackMethods.TakesJson(method) ? Json(arguments) : Form(arguments);

    public static SlackRequestBody Json(JsonObject arguments) =>
        new(Encoding.UTF8.GetBytes(arguments.ToJsonString()), JsonType);

    public static SlackRequestBody Form(JsonObject arguments)
    {
        var pairs = arguments
            .Where(pair => pair.Value is not null && pair.Value.GetValueKind() != JsonValueKind.Null)
            .Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(FormValue(pair.Value!))}");
        return new(Encoding.UTF8.GetBytes(string.Join('&', pairs)), FormType);
    }

    /// <summary>A fresh content over the same bytes for one attempt (a request disposes its content).</summary>
    public HttpContent CreateContent()
    {
        var content = new ByteArrayContent(_bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(_type);
        return content;
    }

    // A string goes as itself; numbers and booleans as their JSON text (12, true); objects and arrays as JSON.
    private static string FormValue(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
