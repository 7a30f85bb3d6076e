using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DevOps90.Bot.Discord.Tests.Rest;

/// <summary>One part of a multipart/form-data body as a server reads it.</summary>
internal sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Content);

/// <summary>Reads a recorded multipart body with ASP.NET Core's own reader, the way a server would.</summary>
internal static class MultipartBody
{
    public static async Task<IReadOnlyList<FormPart>> ReadAsync(RecordedRequest request)
    {
        var type = MediaTypeHeaderValue.Parse(request.ContentType);
        Assert.Equal("multipart/form-data", type.MediaType.Value);
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyBytes!));
        var parts = new List<FormPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content);
            parts.Add(new FormPart(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                content.ToArray()));
        }

        return parts;
    }

    /// <summary>The payload_json part, parsed.</summary>
    public static JsonNode PayloadJson(IReadOnlyList<FormPart> parts)
    {
        var json = Assert.Single(parts, part => part.Name == "payload_json");
        Assert.Equal("application/json", json.ContentType);
        Assert.Null(json.FileName);
        return JsonNode.Parse(json.Content)!;
    }
}
