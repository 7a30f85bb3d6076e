using System.Net;
using System.Text;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>A request as the fake Discord saw it, with the fake clock's time when it arrived; the body as text and as bytes.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string UserAgent,
    string? Body,
    DateTimeOffset SentAt,
    byte[]? BodyBytes = null,
    string? ContentType = null);

/// <summary>
/// Discord inside the test: answers from a script (then <see cref="Otherwise"/>) and records every request. The
/// answers replay headers as Discord sends them (https://discord.com/developers/docs/topics/rate-limits#header-format).
/// </summary>
internal sealed class FakeDiscordHandler(TimeProvider time) : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>The answer once the script has run out: a created message.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage> Otherwise { get; set; } = _ => DiscordAnswer.Message();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public FakeDiscordHandler Then(Func<HttpResponseMessage> answer) => Then((_, _) => Task.FromResult(answer()));

    public FakeDiscordHandler ThenThrow(Func<Exception> failure) => Then((_, _) => Task.FromException<HttpResponseMessage>(failure()));

    public FakeDiscordHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        lock (_gate)
        {
            _script.Enqueue(answer);
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? next;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Headers.UserAgent.ToString(),
                bytes is null ? null : Encoding.UTF8.GetString(bytes),
                time.GetUtcNow(),
                bytes,
                request.Content?.Headers.ContentType?.ToString()));
            _script.TryDequeue(out next);
        }

        return next is null ? Otherwise(request) : await next(request, cancellationToken);
    }
}

/// <summary>Answers shaped like Discord's, headers written as the docs print them ("Name: value" lines).</summary>
internal static class DiscordAnswer
{
    public const string MessageJson = """{"id":"1325000000000000001","channel_id":"1325000000000000002","content":"ok","type":0}""";

    // A success on a route with room left, as Discord sends it (the docs' header example, remaining 4 of 5).
    public const string RoomLeft = """
        X-RateLimit-Limit: 5
        X-RateLimit-Remaining: 4
        X-RateLimit-Reset: 1470173023
        X-RateLimit-Reset-After: 1
        X-RateLimit-Bucket: abcd1234
        """;

    public static HttpResponseMessage Message(string headers = "") => Create(HttpStatusCode.OK, MessageJson, headers);

    public static HttpResponseMessage NoContent(string headers = "") => Create(HttpStatusCode.NoContent, null, headers);

    public static HttpResponseMessage Create(HttpStatusCode status, string? json, string headers = "")
    {
        var answer = new HttpResponseMessage(status);
        if (json is not null)
        {
            answer.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var line in headers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(answer.Headers.TryAddWithoutValidation(name, value), $"header {name}");
            }
        }

        return answer;
    }
}
