using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace DevOps90.Bot.LoadTest.Slack;

/// <summary>
/// Builds <c>/devops90 day N</c> forms with the fields Slack sends
/// (https://docs.slack.dev/interactivity/implementing-slash-commands) and signs each one as Slack does:
/// "v0=" + hex(HMAC-SHA256(signing secret, "v0:{timestamp}:{body}")). Every form has its own trigger_id, because the
/// host runs a trigger_id once and answers a repeat with an empty 200; its signature is therefore computed per request.
/// </summary>
internal sealed class SlackCommandForms(string signingSecret, TimeProvider time)
{
    private static readonly MediaTypeHeaderValue _form = new("application/x-www-form-urlencoded");

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    // Unique across runs of the generator against one host (the host remembers trigger_ids for 15 minutes).
    private readonly string _run = RandomNumberGenerator.GetHexString(10, lowercase: true);
    private long _sequence;

    /// <summary>One slash command as Slack sends it: the form body, its request timestamp and its v0 signature.</summary>
    public SignedRequest Day(int day, string userId, string channel, string? signingKey = null)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var text = "day " + day.ToString(CultureInfo.InvariantCulture);
        var body = Encoding.ASCII.GetBytes(Form(text, userId, channel, sequence));
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = signingKey is null ? _key : Encoding.UTF8.GetBytes(signingKey);
        return new SignedRequest(body, _form, "Slackbot 1.0 (+https://api.slack.com/robots)",
        [
            new("X-Slack-Request-Timestamp", timestamp),
            new("X-Slack-Signature", Sign(key, timestamp, body)),
        ]);
    }

    private string Form(string text, string userId, string channel, long sequence)
    {
        var trigger = sequence.ToString(CultureInfo.InvariantCulture) + "." + _run;
        return "token=benchVerificationToken0000&team_id=" + BenchUsers.TeamId + "&team_domain=devops90-bench" +
            "&channel_id=" + channel + "&channel_name=" + channel.ToLowerInvariant() + "&user_id=" + userId +
            "&user_name=" + userId.ToLowerInvariant() + "&command=%2Fdevops90&text=" + Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal) +
            "&api_app_id=A0BENCH&is_enterprise_install=false" +
            // A closed loopback port: the host only posts there for a late answer or a file, and then fails at once.
            "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fcommands%2F" + BenchUsers.TeamId + "%2F" + trigger +
            "&trigger_id=" + trigger;
    }

    private static string Sign(byte[] key, string timestamp, byte[] body)
    {
        var prefix = "v0:" + timestamp + ":";
        var message = new byte[prefix.Length + body.Length];
        Encoding.ASCII.GetBytes(prefix, message);
        body.CopyTo(message.AsSpan(prefix.Length));
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, message, hash);
        return "v0=" + Convert.ToHexStringLower(hash);
    }
}
