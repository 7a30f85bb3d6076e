using System.Globalization;
using System.Text.Json;

namespace DevOps90.Bot.Discord.Rest;

/// <summary>
/// Discord's error body: <c>{"code": 50035, "message": "Invalid Form Body", "errors": {...}}</c>, and for a 429
/// <c>{"message", "retry_after", "global"}</c> (https://discord.com/developers/docs/reference#error-messages). Read with
/// JsonDocument rather than a contract: the body may be Cloudflare's HTML, or empty.
/// </summary>
internal sealed record DiscordErrorBody(int? Code, string? Message, TimeSpan? RetryAfter, bool Global, IReadOnlyList<string> FieldErrors)
{
    private const int MaxFieldErrors = 5;

    private static readonly DiscordErrorBody Empty = new(null, null, null, false, []);

    public static async Task<DiscordErrorBody> ReadAsync(HttpContent content, CancellationToken cancellationToken = default)
    {
        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }

            var fieldErrors = new List<string>();
            if (root.TryGetProperty("errors", out var errors))
            {
                CollectFieldErrors(errors, "", fieldErrors);
            }

            return new DiscordErrorBody(
                root.TryGetProperty("code", out var code) && code.TryGetInt32(out var number) ? number : null,
                root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null,
                root.TryGetProperty("retry_after", out var retry) && retry.TryGetDouble(out var seconds) && seconds >= 0 && double.IsFinite(seconds)
                    ? TimeSpan.FromSeconds(seconds)
                    : null,
                root.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True,
                fieldErrors);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    /// <summary>"Discord's message (code 50035): content: Must be 2000 or fewer in length."</summary>
    public string Describe()
    {
        var text = Message ?? "no message";
        if (Code is { } code)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" (code {code})");
        }

        return FieldErrors.Count == 0 ? text : $"{text}: {string.Join("; ", FieldErrors)}";
    }

    // {"errors": {"embeds": {"0": {"title": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "..."}]}}}}}
    // becomes "embeds.0.title: ...": the field that broke a limit is what the reader needs.
    private static void CollectFieldErrors(JsonElement element, string path, List<string> into)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (into.Count >= MaxFieldErrors)
            {
                return;
            }

            if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    if (into.Count < MaxFieldErrors && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message))
                    {
                        into.Add($"{(path.Length == 0 ? "(body)" : path)}: {message}");
                    }
                }
            }
            else
            {
                CollectFieldErrors(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", into);
            }
        }
    }
}
