using Microsoft.Extensions.Logging;

namespace DevOps90.Bot.Testing.Logging;

/// <summary>One log entry as <see cref="RecordingLogs"/> kept it, with its structured values.</summary>
public sealed record RecordedLog(
    string Category,
    LogLevel Level,
    string Message,
    Exception? Exception,
    IReadOnlyList<KeyValuePair<string, object?>> State)
{
    /// <summary>
    /// Everything a log sink could write: the message, the structured values and the exception with its inner ones;
    /// where a leaked secret would show.
    /// </summary>
    public string Everything => $"{Message} {string.Join(" ", State.Select(Pair))} {Exception}";

    private static string Pair(KeyValuePair<string, object?> pair) => $"{pair.Key}={pair.Value}";
}
