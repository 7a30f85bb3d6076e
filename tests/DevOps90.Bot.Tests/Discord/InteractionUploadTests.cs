using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DevOps90.Bot.Tests.Discord;

/// <summary>
/// The real host with the HTTP transport and a Discord-compatible server on loopback: a command whose reply carries a
/// file is deferred, then completed by a multipart upload that edits the original response.
/// </summary>
[Collection(WebApplicationFactoryTests.Name)]
public sealed class InteractionUploadTests
{
    private const string Original = "/api/v10/webhooks/1200000000000000002/upload-token/messages/@original";

    [Fact]
    public async Task ParticipationExport_FromAModerator_IsDeferredPrivately_ThenTheCsvIsUploaded()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = new UploadHost(discord.ApiBaseUrl);

        var response = await host.PostAsync(Command("""{"name":"participation","type":1,"options":[{"name":"export","type":1,"options":[]}]}""", permissions: "32"));
        var patch = await WaitForAsync(discord, Original);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":5,"data":{"flags":64}}""", await response.Content.ReadAsStringAsync());
        var parts = await PartsAsync(patch);
        using var payload = JsonDocument.Parse(parts["payload_json"].Content);
        Assert.Equal("participation-console-start-today.csv", payload.RootElement.GetProperty("attachments")[0].GetProperty("filename").GetString());
        Assert.Equal(("participation-console-start-today.csv", "text/csv"), (parts["files[0]"].FileName, parts["files[0]"].ContentType));
        Assert.StartsWith("\uFEFFcohort,member_id,day,lesson_date,checked_in_utc,checked_in_local,late", Encoding.UTF8.GetString(parts["files[0]"].Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_UploadsItsChart_AndShowsItAsTheEmbedImage()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = new UploadHost(discord.ApiBaseUrl);

        await host.PostAsync(Command("""{"name":"progress","type":1}""", permissions: "0"));
        var patch = await WaitForAsync(discord, Original);

        var parts = await PartsAsync(patch);
        using var payload = JsonDocument.Parse(parts["payload_json"].Content);
        Assert.Equal("attachment://progress.png", payload.RootElement.GetProperty("embeds")[0].GetProperty("image").GetProperty("url").GetString());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], parts["files[0]"].Content[..4]);
    }

    private static string Command(string data, string permissions) => $$$"""
        {"id":"1100000000000000001","application_id":"1200000000000000002","type":2,"token":"upload-token","channel_id":"5","locale":"en-US",
         "member":{"permissions":"{{{permissions}}}","user":{"id":"9"}},"data":{{{data}}}}
        """;

    internal static async Task<RecordedRequest> WaitForAsync(FakeDiscordServer discord, string path)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (discord.Requests.FirstOrDefault(request => request.Method == "PATCH" && request.Path == path) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no PATCH {path}; requests: {string.Join(", ", discord.Requests.Select(request => $"{request.Method} {request.Path}"))}");
    }

    /// <summary>A multipart request's parts by name: file name, content type and bytes.</summary>
    internal static async Task<Dictionary<string, (string? FileName, string? ContentType, byte[] Content)>> PartsAsync(RecordedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyBytes));
        var parts = new Dictionary<string, (string?, string?, byte[])>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content);
            var fileName = disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null;
            parts[HeaderUtilities.RemoveQuotes(disposition.Name).Value!] = (fileName, section.ContentType, content.ToArray());
        }

        return parts;
    }

    /// <summary>The console cohort moved to Discord channel 5, REST to the fake server.</summary>
    private sealed class UploadHost(string apiBaseUrl)
        : SignedDiscordHost(apiBaseUrl, new Dictionary<string, string> { ["Cohorts:0:Target"] = "discord:5" });
}
