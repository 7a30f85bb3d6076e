using System.Net;
using System.Text.Json;
using DevOps90.Bot.Core.Cohorts;
using DevOps90.Bot.Core.Participation;
using Microsoft.Extensions.DependencyInjection;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// <c>/certificate</c> end to end on Discord: the real host over signed HTTP interactions and the Discord-compatible
/// server on loopback. The console group (French, 90 lesson days) is in channel 5; member 9 has done every day.
/// </summary>
[Collection(WebApplicationFactoryTests.Name)]
public sealed class CertificateOnDiscordTests
{
    private const string Original = "/api/v10/webhooks/1200000000000000002/token-certificate/messages/@original";

    [Fact]
    public async Task Certificate_MemberWhoFinished_GetsThePngAsAnAttachment_AndAPrivateLinkThatServesIt()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        using var host = new CertificateHost(discord.ApiBaseUrl);
        await FinishAsync(host, "discord:9");

        using var response = await host.PostAsync(Command("9"));
        var patch = await InteractionUploadTests.WaitForAsync(discord, Original);

        // A reply with a file is deferred privately, then the original answer is edited with the file attached.
        Assert.Equal("""{"type":5,"data":{"flags":64}}""", await response.Content.ReadAsStringAsync());
        var parts = await InteractionUploadTests.PartsAsync(patch);
        Assert.Equal(("certificate-console.png", "image/png"), (parts["files[0]"].FileName, parts["files[0]"].ContentType));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], parts["files[0]"].Content[..4]);
        using var payload = JsonDocument.Parse(parts["payload_json"].Content);
        var embed = payload.RootElement.GetProperty("embeds")[0];
        Assert.Equal("attachment://certificate-console.png", embed.GetProperty("image").GetProperty("url").GetString());
        var description = embed.GetProperty("description").GetString()!;
        Assert.StartsWith("Bravo ! Votre certificat pour console.", description, StringComparison.Ordinal);

        // The same picture from the web, through the link the reply carries.
        var link = System.Text.RegularExpressions.Regex.Match(description, @"https://bot\.example\.org(/groups/console/certificate\.png\?token=[A-Za-z0-9_-]+)");
        Assert.True(link.Success, description);
        Assert.Contains("valable 7 jours", description, StringComparison.Ordinal);
        using var web = await host.CreateClient().GetAsync(new Uri(link.Groups[1].Value, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
        Assert.Equal("image/png", web.Content.Headers.ContentType?.MediaType);
        // Drawn again for the web, with the name the bot knows (none here: the check-ins were seeded), so not byte-equal.
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await web.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task Certificate_MemberNotDone_IsToldHowManyDaysRemain_InTheGroupsLanguage_WithNoFile()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        using var host = new CertificateHost(discord.ApiBaseUrl);
        await FinishAsync(host, "discord:10", days: 88);

        using var response = await host.PostAsync(Command("10"));

        var body = await response.Content.ReadAsStringAsync();
        using var answer = JsonDocument.Parse(body);
        Assert.Equal(4, answer.RootElement.GetProperty("type").GetInt32());
        var data = answer.RootElement.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.False(data.TryGetProperty("attachments", out _), body);
        Assert.Equal(
            "Le certificat vient une fois toutes les leçons faites : 88 jours sur 90, encore 2.",
            data.TryGetProperty("content", out var content) ? content.GetString() : data.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.DoesNotContain(discord.Requests, request => request.Path.Contains("/webhooks/", StringComparison.Ordinal));
    }

    /// <summary>Check-ins for days 1 to <paramref name="days"/>, as the member would have made them.</summary>
    internal static async Task FinishAsync(IServiceProvider services, string member, int days = 90)
    {
        var store = services.GetRequiredService<IParticipationStore>();
        var at = TimeProvider.System.GetUtcNow().AddDays(-1);
        for (var day = 1; day <= days; day++)
        {
            await store.AddAsync(new CheckIn(new CohortId("console"), member, day, at, IsLate: false));
        }
    }

    private static Task FinishAsync(CertificateHost host, string member, int days = 90) => FinishAsync(host.Services, member, days);

    private static string Command(string user) => $$$"""
        {"id":"1100000000000000301","application_id":"1200000000000000002","type":2,"token":"token-certificate","channel_id":"5","locale":"en-US",
         "member":{"permissions":"0","user":{"id":"{{{user}}}","username":"member{{{user}}}","global_name":"Ada Lovelace"}},"data":{"name":"certificate","type":1}}
        """;

    /// <summary>The console group in channel 5, with a public address for the links the bot gives.</summary>
    private sealed class CertificateHost(string apiBaseUrl) : SignedDiscordHost(apiBaseUrl, new Dictionary<string, string>
    {
        ["Cohorts:0:Target"] = "discord:5",
        ["Web:PublicBaseUrl"] = "https://bot.example.org",
    });
}
