using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DevOps90.Bot.Core.Replies;
using DevOps90.Bot.Discord.Rendering;

namespace DevOps90.Bot.Discord.Tests.Rendering;

public sealed class AttachmentFitterTests
{
    private const long Limit = 1024 * 1024;

    [Fact]
    public void Fit_CsvOverTheLimit_IsSentGzippedAndDecompressesToTheOriginal()
    {
        var csv = Csv(rows: 40_000);
        Assert.True(csv.Length > Limit);

        var fitted = AttachmentFitter.Fit(Export(csv), Limit);

        var file = Assert.Single(fitted.Attachments);
        Assert.Equal(("export-2027-01.csv.gz", "application/gzip", "Check-ins"), (file.FileName, file.ContentType, file.Description));
        Assert.True(file.Content.Length <= Limit);
        Assert.Equal(csv, Gunzip(file.Content));
        Assert.Equal(["2 check-ins exported."], fitted.Paragraphs.ToArray());
    }

    [Fact]
    public void Fit_WithinTheLimit_LeavesTheReplyAlone()
    {
        var reply = Export(Csv(rows: 10));

        Assert.Same(reply, AttachmentFitter.Fit(reply, Limit));
    }

    [Theory]
    [InlineData("en", "export-2027-01.csv is too large to send here (1.5 MB; the limit is 1 MB). Ask for a shorter period.")]
    [InlineData("fr", "export-2027-01.csv est trop volumineux pour être envoyé ici (1,5 Mo ; la limite est de 1 Mo). Demandez une période plus courte.")]
    public void Fit_CsvTooLargeEvenGzipped_IsLeftOutAndTheReplySaysSoInItsLanguage(string language, string expected)
    {
        // Random bytes do not compress: gzip cannot bring 1.5 MB under 1 MB.
        var reply = Export(RandomNumberGenerator.GetBytes((int)(1.5 * Limit))) with { Language = language };

        var fitted = AttachmentFitter.Fit(reply, Limit);

        Assert.Empty(fitted.Attachments);
        Assert.Equal(["2 check-ins exported.", expected], fitted.Paragraphs.ToArray());
    }

    [Fact]
    public void Fit_ImageOverTheLimit_IsLeftOutNotCompressed()
    {
        var reply = new Reply
        {
            Attachments = [new ReplyAttachment("chart.png", ReplyAttachment.Png, new byte[Limit + 1]), new ReplyAttachment("small.csv", ReplyAttachment.Csv, new byte[10])],
            Image = "chart.png",
        };

        var fitted = AttachmentFitter.Fit(reply, Limit);

        Assert.Equal("small.csv", Assert.Single(fitted.Attachments).FileName);
        // Just over the limit reads as more than it, never as the limit itself.
        Assert.Equal("chart.png is too large to send here (1.1 MB; the limit is 1 MB). Ask for a shorter period.", Assert.Single(fitted.Paragraphs));
    }

    [Fact]
    public void Render_TooLargeFile_IsNotUploadedAndTheNoteIsInTheEmbed()
    {
        var message = DiscordRenderer.Render(new Reply { Attachments = [new ReplyAttachment("chart.png", ReplyAttachment.Png, new byte[2048])], Image = "chart.png" }, maxUploadBytes: 1024);

        Assert.Empty(message.Files);
        Assert.Null(message.Attachments);
        Assert.Null(message.Embeds![0].Image);
        Assert.StartsWith("chart.png is too large to send here", message.Embeds[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImageAttachment_IsUploadedAndShownAsTheEmbedImage()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47 };
        var reply = new Reply
        {
            Title = "Participation",
            Attachments = [new ReplyAttachment("check-ins chart.png", ReplyAttachment.Png, png, "Check-ins per day"), new ReplyAttachment("export.csv", ReplyAttachment.Csv, new byte[3])],
            Image = "check-ins chart.png",
            IsPrivate = true,
        };

        var message = DiscordRenderer.Render(reply);

        Assert.Equal("attachment://check-ins_chart.png", message.Embeds![0].Image!.Url);
        Assert.Equal(["check-ins_chart.png", "export.csv"], message.Files.Select(file => file.FileName));
        Assert.Equal(png, message.Files[0].Content.ToArray());
        Assert.Equal([("0", "check-ins_chart.png", "Check-ins per day"), ("1", "export.csv", null)], message.Attachments!.Select(entry => (entry.Id, entry.Filename, entry.Description)));
        Assert.Equal(64, message.Flags);
    }

    [Theory]
    [InlineData("export.csv", ReplyAttachment.Csv, "export.csv")]
    [InlineData("chart.svg", "image/svg+xml", "chart.svg")]
    [InlineData("chart.png", ReplyAttachment.Png, "other.png")]
    public void Render_PictureThatIsNotAnEmbeddableImageSent_IsOnlyAFile(string fileName, string contentType, string image)
    {
        var message = DiscordRenderer.Render(new Reply { Attachments = [new ReplyAttachment(fileName, contentType, new byte[3])], Image = image });

        Assert.Null(message.Embeds![0].Image);
        Assert.Equal(fileName, Assert.Single(message.Files).FileName);
    }

    [Theory]
    [InlineData("participation-2027-01.csv", "participation-2027-01.csv")]
    [InlineData("réunion été.csv", "r_union__t_.csv")]
    [InlineData("", "file")]
    public void SafeFileName_KeepsOnlyWhatAttachmentUrlsAllow(string name, string expected)
    {
        Assert.Equal(expected, DiscordRenderer.SafeFileName(name));
    }

    private static Reply Export(byte[] csv) => new()
    {
        Paragraphs = ["2 check-ins exported."],
        Attachments = [new ReplyAttachment("export-2027-01.csv", ReplyAttachment.Csv, csv, "Check-ins")],
        IsPrivate = true,
        Language = "en",
    };

    private static byte[] Csv(int rows)
    {
        var text = new StringBuilder("member,day,checked_in_at\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(1_400_000_000_000_000_000L + (i % 500)).Append(',').Append(i % 90 + 1).Append(",2027-01-03T18:00:00Z\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Gunzip(ReadOnlyMemory<byte> compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
        using var original = new MemoryStream();
        gzip.CopyTo(original);
        return original.ToArray();
    }
}
