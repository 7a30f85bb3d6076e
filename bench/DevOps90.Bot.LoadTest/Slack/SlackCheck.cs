using System.Text;
using System.Text.Json.Nodes;

namespace DevOps90.Bot.LoadTest.Slack;

/// <summary>
/// Before a load: a signed command answers 200 with a lesson (response_type, blocks): in English for an en-US member
/// outside the study group's channel, in French in it (the group's language); the same request sent again answers an empty 200 (already run: why every request of
/// the load has its own trigger_id); unsigned and forged ones answer 401. Returns 1 on the first surprise.
/// </summary>
internal static class SlackCheck
{
    public static async Task<int> RunAsync(Uri url, string secret, TextWriter output)
    {
        var forms = new SlackCommandForms(secret, TimeProvider.System);
        using var sender = new LoadSender(url, connections: 1);

        var english = forms.Day(2, BenchUsers.Id(0), BenchUsers.OtherChannel);
        if (!await ExpectLessonAsync(sender, english, "en-US member elsewhere", "Day 2", output).ConfigureAwait(false)
            || !await ExpectLessonAsync(sender, forms.Day(2, BenchUsers.Id(0), BenchUsers.CohortChannel), "en-US member in the group's channel", "Jour 2", output).ConfigureAwait(false)
            || !await ExpectLessonAsync(sender, forms.Day(2, BenchUsers.Id(1), BenchUsers.OtherChannel), "fr-FR member elsewhere", "Jour 2", output).ConfigureAwait(false))
        {
            return 1;
        }

        var (status, reply) = await sender.SendAsync(english).ConfigureAwait(false);
        if (status != 200 || reply.Length != 0)
        {
            return Fail(output, $"the same signed request again: expected an empty 200, got {status} with {reply.Length} bytes");
        }

        output.WriteLine("the same request again (same trigger_id and signature) -> 200, empty: not run twice");
        (status, _) = await sender.SendAsync(forms.Day(2, BenchUsers.Id(0), BenchUsers.OtherChannel), signed: false).ConfigureAwait(false);
        if (status != 401)
        {
            return Fail(output, $"unsigned: expected 401, got {status}");
        }

        output.WriteLine("unsigned -> 401");
        (status, _) = await sender.SendAsync(forms.Day(2, BenchUsers.Id(0), BenchUsers.OtherChannel, signingKey: secret + "-forged")).ConfigureAwait(false);
        if (status != 401)
        {
            return Fail(output, $"signed with another secret: expected 401, got {status}");
        }

        output.WriteLine("signed with another secret -> 401");
        return 0;
    }

    private static async Task<bool> ExpectLessonAsync(LoadSender sender, SignedRequest command, string who, string starts, TextWriter output)
    {
        var (status, reply) = await sender.SendAsync(command).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(reply);
        var json = status == 200 && reply.Length > 0 ? JsonNode.Parse(text) as JsonObject : null;
        var summary = json?["text"]?.GetValue<string>() ?? "";
        if (json?["response_type"] is not JsonValue type || json["blocks"] is not JsonArray { Count: > 0 } blocks
            || !summary.StartsWith(starts, StringComparison.Ordinal))
        {
            Fail(output, $"signed day 2 by an {who}: expected 200 with response_type, blocks and \"{starts}…\", got {status}: {text[..Math.Min(300, text.Length)]}");
            return false;
        }

        output.WriteLine($"signed /devops90 day 2 by an {who} -> 200 {type.GetValue<string>()}, {blocks.Count} blocks, {reply.Length} bytes: \"{summary[..Math.Min(60, summary.IndexOf('\n') is > 0 and var end ? end : summary.Length)]}\"");
        return true;
    }

    private static int Fail(TextWriter output, string message)
    {
        output.WriteLine("FAILED: " + message);
        return 1;
    }
}
