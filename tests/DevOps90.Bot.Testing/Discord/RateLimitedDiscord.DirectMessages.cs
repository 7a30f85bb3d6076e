using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DevOps90.Bot.Testing.Discord;

/// <summary>
/// Direct messages: POST /users/@me/channels {"recipient_id"} answers the user's DM channel (the same one on every
/// call), under the global limit; a message into the DM channel of a user in <see cref="ClosedUsers"/> is refused
/// with 403 and code 50007 (Cannot send messages to this user), as Discord answers for a user who blocks the bot.
/// </summary>
public sealed partial class RateLimitedDiscord
{
    private const string CannotSendToUser = """{"message":"Cannot send messages to this user","code":50007}""";

    private readonly Dictionary<string, string> _directChannelByUser = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closedChannels = new(StringComparer.Ordinal);
    private long _nextDirectChannel = 1_800_000_000_000_000_000;

    /// <summary>User ids whose direct messages are closed to the bot.</summary>
    public HashSet<string> ClosedUsers { get; } = new(StringComparer.Ordinal);

    /// <summary>DM channels opened (one per user, however often asked).</summary>
    public int DirectChannels
    {
        get
        {
            lock (_gate)
            {
                return _directChannelByUser.Count;
            }
        }
    }

    /// <summary>DM channel openings refused with a global 429 (also counted in <see cref="GlobalRefusals"/>).</summary>
    public int DirectOpenRefusals { get; private set; }

    /// <summary>Messages refused with 50007.</summary>
    public int ClosedRefusals { get; private set; }

    private bool IsClosed(string channel)
    {
        if (!_closedChannels.Contains(channel))
        {
            return false;
        }

        ClosedRefusals++;
        return true;
    }

    private async Task OpenDirectMessageAsync(HttpContext context)
    {
        string user;
        using (var body = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false))
        {
            user = body.RootElement.GetProperty("recipient_id").GetString()!;
        }

        Verdict verdict;
        string answer;
        lock (_gate)
        {
            Requests++;
            // Opening a DM counts against the global limit only (a bucket of its own per user never fills).
            verdict = _limits.Admit("dm-open:" + user, _clock.Elapsed.TotalSeconds);
            if (verdict.Refusal == Refusal.Global)
            {
                DirectOpenRefusals++;
                answer = Refused(global: true);
            }
            else
            {
                if (!_directChannelByUser.TryGetValue(user, out var channel))
                {
                    channel = (++_nextDirectChannel).ToString(CultureInfo.InvariantCulture);
                    _directChannelByUser[user] = channel;
                }

                if (ClosedUsers.Contains(user))
                {
                    _closedChannels.Add(channel);
                }

                answer = $$"""{"id":"{{channel}}","type":1,"recipients":[{"id":"{{user}}"}]}""";
            }
        }

        if (verdict.Refusal == Refusal.Global)
        {
            context.Response.Headers["Retry-After"] = Math.Ceiling(verdict.RetryAfter).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Scope"] = "global";
            context.Response.Headers["X-RateLimit-Global"] = "true";
            answer = answer.Replace("RETRY", verdict.RetryAfter.ToString("0.000", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        await AnswerAsync(context, verdict.Refusal == Refusal.Global ? 429 : 200, answer).ConfigureAwait(false);
    }
}
