using System.Text.Json.Nodes;

namespace DevOps90.Bot.Testing.Slack;

/// <summary>Scripted failures: each applies to the next matching call(s) of a method, in the order scripted.</summary>
public sealed partial class FakeSlackApi
{
    private readonly List<Script> _scripts = [];

    private enum ScriptKind
    {
        RateLimit,
        Fail,
        Abort,
        ServerError,
    }

    /// <summary>The next call of <paramref name="method"/> gets HTTP 429 with Retry-After and is not handled.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds = 1) =>
        AddScript(new Script(ScriptKind.RateLimit, method) { RetryAfterSeconds = retryAfterSeconds });

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> (only those about
    /// <paramref name="channel"/> when given) get ok:false with <paramref name="error"/>; null times means every call
    /// until <see cref="ClearScripts"/>. <paramref name="needed"/> fills missing_scope's "needed" field.
    /// </summary>
    public void Fail(string method, string error, string? channel = null, string? needed = null, int? times = 1) =>
        AddScript(new Script(ScriptKind.Fail, method) { Channel = channel, Error = error, Needed = needed, Remaining = times });

    /// <summary>The next call of <paramref name="method"/> is handled, then its connection is dropped unanswered.</summary>
    public void AbortAfterHandlingNext(string method) => AddScript(new Script(ScriptKind.Abort, method));

    /// <summary>The next call of <paramref name="method"/> gets HTTP <paramref name="status"/> and is not handled.</summary>
    public void ServerErrorNext(string method, int status = 500) =>
        AddScript(new Script(ScriptKind.ServerError, method) { Status = status });

    public void ClearScripts()
    {
        lock (_lock)
        {
            _scripts.Clear();
        }
    }

    private void AddScript(Script script)
    {
        lock (_lock)
        {
            _scripts.Add(script);
        }
    }

    private Script? TakeScript(string method, string? channel)
    {
        lock (_lock)
        {
            var script = _scripts.FirstOrDefault(s => s.Method == method && (s.Channel is null || s.Channel == channel));
            if (script is not null && script.Remaining is { } remaining)
            {
                script.Remaining = remaining - 1;
                if (script.Remaining <= 0)
                {
                    _scripts.Remove(script);
                }
            }

            return script;
        }
    }

    private static JsonObject ScriptedError(Script script)
    {
        var answer = Error(script.Error ?? "internal_error");
        if (script.Needed is not null)
        {
            answer["needed"] = script.Needed;
            answer["provided"] = "chat:write";
        }

        return answer;
    }

    private sealed record Script(ScriptKind Kind, string Method)
    {
        public string? Channel { get; init; }

        public string? Error { get; init; }

        public string? Needed { get; init; }

        public int RetryAfterSeconds { get; init; }

        public int Status { get; init; } = 500;

        public int? Remaining { get; set; } = 1;
    }
}
