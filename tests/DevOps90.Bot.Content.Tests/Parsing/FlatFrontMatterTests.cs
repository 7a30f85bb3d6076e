using System.Text;
using DevOps90.Bot.Content.Parsing;
using YamlDotNet.Core;

namespace DevOps90.Bot.Content.Tests.Parsing;

public sealed class FlatFrontMatterTests
{
    [Fact]
    public void TryRead_DevToBlock_ReadsWhatYamlReads()
    {
        const string yaml = "title: '#90DaysOfDevOps - It''s a Day - Day 10'\npublished: false\n"
            + "description: plain words, with commas, a colon:inside, 100% and C#\ntags: \"devops, learning\"\ncover_image: null\n"
            + "canonical_url: https://example.org/a:b#c\nid: 1048731   \ndate: '2022-04-17T10:12:40Z'\nempty:\n\n";

        var flat = FlatFrontMatter.TryRead(yaml);

        Assert.NotNull(flat);
        Assert.Equal(FrontMatterParser.ParseStrict(yaml), flat);
        Assert.Equal("#90DaysOfDevOps - It's a Day - Day 10", flat["title"]);
        Assert.Equal("", flat["cover_image"]);
    }

    [Theory]
    [InlineData("title: 'Responsabilités d\\'un Ingénieur'\n")]
    [InlineData("title: a: b\n")]
    [InlineData("title: ends with a colon:\n")]
    [InlineData("title: words # and a comment\n")]
    [InlineData("# a comment line\ntitle: a\n")]
    [InlineData("tags:\n  - devops\n")]
    [InlineData("title: a\n  continued\n")]
    [InlineData("title:\ta\n")]
    [InlineData("tags: [a, b]\n")]
    [InlineData("title: &anchor a\n")]
    [InlineData("title: \"escaped \\\" quote\"\n")]
    [InlineData("description: >\n  folded\n")]
    [InlineData("title: a\nTitle: b\n")]
    [InlineData("key:value\n")]
    public void TryRead_AnythingButFlatLines_IsLeftToYaml(string yaml)
    {
        Assert.Null(FlatFrontMatter.TryRead(yaml));
    }

    /// <summary>
    /// The flat reader must never read a block differently from YamlDotNet: on generated blocks made of YAML's
    /// indicators, quotes, escapes, odd white space and line breaks, whatever it accepts YAML reads the same.
    /// </summary>
    [Fact]
    public void TryRead_GeneratedBlocks_AcceptsOnlyWhatYamlReadsTheSame()
    {
        var random = new Random(13);
        var accepted = 0;
        const int Blocks = 20_000;
        for (var i = 0; i < Blocks; i++)
        {
            var yaml = RandomBlock(random);
            if (FlatFrontMatter.TryRead(yaml) is not { } flat)
            {
                continue;
            }

            accepted++;
            Dictionary<string, string> strict;
            try
            {
                strict = FrontMatterParser.ParseStrict(yaml);
            }
            catch (YamlException exception)
            {
                Assert.Fail($"accepted a block YAML refuses ({exception.Message}):\n{yaml}");
                throw;
            }

            Assert.True(
                strict.Count == flat.Count && strict.All(pair => flat.TryGetValue(pair.Key, out var value) && value == pair.Value),
                $"read differently:\n{yaml}\nYAML: {Show(strict)}\nflat: {Show(flat)}");
        }

        // Enough of both kinds for the comparison to mean something.
        Assert.InRange(accepted, Blocks / 5, Blocks * 4 / 5);
    }

    private static readonly string[] _keys = ["title", "tags", "id", "cover_image", "a-b", "_x", "Title", "9x", "key.x", "null", "x y", "~"];

    private static readonly string[] _separators = [": ", ": ", ": ", ":", ":  ", " : ", ":\t", ": \t", "::"];

    private static readonly string[] _pieces =
    [
        "a", "word", "Day 1", " ", "  ", "0", "12", "null", "~", "true", "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!",
        "|", ">", "%", "@", "`", "'", "''", "\"", "\\", "\\'", "\\\"", "\t", "é", "日本", "\u00A0", "\u0085", "\u2028", "\uFEFF",
        "\u0001", "\u007F", "😀", "http://x.org/a", ": ", " #", "#x", "--- ", "...", "\r",
    ];

    private static readonly string[] _oddLines = ["", "", "  ", "# comment", "  indented: x", "- item", "---", "? key", "\t"];

    private static string RandomBlock(Random random)
    {
        var builder = new StringBuilder();
        var lines = random.Next(1, 5);
        for (var line = 0; line < lines; line++)
        {
            if (random.Next(12) == 0)
            {
                builder.Append(_oddLines[random.Next(_oddLines.Length)]).Append('\n');
                continue;
            }

            builder.Append(random.Next(4) == 0 ? _keys[random.Next(_keys.Length)] : _keys[line % 4])
                .Append(random.Next(3) == 0 ? _separators[random.Next(_separators.Length)] : ": ")
                .Append(RandomValue(random))
                .Append('\n');
        }

        return builder.ToString();
    }

    private static string RandomValue(Random random)
    {
        var value = new StringBuilder();
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            // Mostly words, so that many values are flat and the comparison covers the accepted side too.
            value.Append(random.Next(3) == 0 ? _pieces[random.Next(_pieces.Length)] : _pieces[random.Next(3)]);
        }

        return random.Next(3) switch
        {
            0 => value.ToString(),
            1 => $"'{value}'",
            _ => $"\"{value}\"",
        };
    }

    private static string Show(Dictionary<string, string> values) =>
        string.Join(", ", values.Select(pair => $"[{pair.Key}]=[{pair.Value}]"));
}
