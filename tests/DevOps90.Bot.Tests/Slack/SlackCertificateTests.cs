using System.Text.Json.Nodes;
using DevOps90.Bot.Testing.Slack;

namespace DevOps90.Bot.Tests.Slack;

/// <summary>
/// <c>/devops90 certificate</c> end to end on Slack: the real host over signed HTTP and the fake Slack. A certificate
/// is private, so its PNG goes through Slack's external upload flow into the member's direct messages with the bot,
/// never into the channel; the answer itself goes to response_url.
/// </summary>
[Collection(SlackHosts.Name)]
public sealed class SlackCertificateTests
{
    private const string Finished = "U0FINISHED";
    private const string Halfway = "U0HALFWAY";

    [Fact]
    public async Task Certificate_MemberWhoFinished_GetsThePngUploadedIntoTheirDirectMessages()
    {
        await using var slack = await FakeSlackAsync();
        await using var host = await SlackHost.StartAsync(slack, ["--Web:PublicBaseUrl=https://bot.example.org"]);
        await Discord.CertificateOnDiscordTests.FinishAsync(host.Services, $"slack:{FakeSlackApi.TeamId}:{Finished}");

        using (await host.CommandAsync("certificate", Finished, responseId: "certificate")) { }
        await SlackHostTests.WaitForAsync(() => slack.Responses("certificate").Count > 0);

        var file = Assert.Single(slack.Files);
        Assert.Equal(FakeSlackApi.DirectMessageOf(Finished), file.ChannelId);
        Assert.Equal("certificate-console.png", file.FileName);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], file.Content[..4]);
        Assert.Equal(file.Content.Length, file.DeclaredLength);
        // Slack's three steps, in order: an upload address for the announced length, the bytes, the completion.
        Assert.Equal(
            ["files.getUploadURLExternal", "(upload)", "files.completeUploadExternal"],
            slack.Calls.Select(call => call.Method).Where(method => method.StartsWith("files.", StringComparison.Ordinal) || method == "(upload)"));
        var answer = slack.Responses("certificate")[0];
        Assert.Equal("ephemeral", answer["response_type"]!.GetValue<string>());
        var text = answer["text"]!.GetValue<string>();
        Assert.StartsWith("Bravo ! Votre certificat pour console.", text, StringComparison.Ordinal);
        Assert.Contains("https://bot.example.org/groups/console/certificate.png?token=", text + answer["blocks"]?.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_MemberNotDone_IsToldHowManyDaysRemain_AndNothingIsUploaded()
    {
        await using var slack = await FakeSlackAsync();
        await using var host = await SlackHost.StartAsync(slack);
        await Discord.CertificateOnDiscordTests.FinishAsync(host.Services, $"slack:{FakeSlackApi.TeamId}:{Halfway}", days: 45);

        using var response = await host.CommandAsync("certificate", Halfway, responseId: "not-yet");

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", answer["response_type"]!.GetValue<string>());
        Assert.Equal("Le certificat vient une fois toutes les leçons faites : 45 jours sur 90, encore 45.", answer["text"]!.GetValue<string>());
        Assert.Empty(slack.Files);
        Assert.Empty(slack.CallsTo("files.getUploadURLExternal"));
    }

    private static async Task<FakeSlackApi> FakeSlackAsync()
    {
        var slack = await FakeSlackApi.StartAsync();
        slack.AddUser(new FakeSlackUser(Finished, "finished", Locale: "en-US"));
        slack.AddUser(new FakeSlackUser(Halfway, "halfway", Locale: "en-US"));
        return slack;
    }
}
