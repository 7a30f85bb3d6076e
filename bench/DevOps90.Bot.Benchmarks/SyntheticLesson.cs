using System.Text;

namespace DevOps90.Bot.Benchmarks;

/// <summary>What one generated day file turned out to be, for the summary the generator prints.</summary>
internal readonly record struct LessonFacts(int Bytes, bool HasFrontMatter, bool HasInvalidYaml);

/// <summary>
/// One upstream-shaped day file: dev.to front matter on most files (a few not valid YAML, as upstream), a title heading,
/// short paragraphs under sub-headings with images, lists, code blocks and now and then a table or inline HTML between
/// them, in the numbers a real checkout has per file (version 3: version 2's long paragraphs made it a third cheaper
/// to index than a real checkout); then the resources (under a heading, or in the text as 17% of real lessons have
/// them) and a "see you tomorrow" link; a few files with CRLF line endings.
/// </summary>
internal static class SyntheticLesson
{
    private const double FrontMatterShare = 0.85;

    // 1.8% of the 85% with front matter: about 1.5% of all files, as measured upstream.
    private const double InvalidYamlShareOfFrontMatter = 0.018;

    // Measured on a real checkout (979 day files): 17% of the lessons have no resources heading (their links are in
    // the text), 2.5% are written with CRLF line endings.
    private const double WithoutResourcesHeadingShare = 0.17;
    private const double CrlfShare = 0.025;

    /// <summary>The lesson title, also written into the index files, so it depends only on where the file is.</summary>
    public static string Title(LanguageStyle style, string edition, int day) =>
        new TextGenerator(new Random(SeedOf(edition, style.Folder, day) ^ 0x2F6E2B1), style).Title();

    public static string Write(LanguageStyle style, string edition, int day, out LessonFacts facts)
    {
        var random = new Random(SeedOf(edition, style.Folder, day));
        var text = new TextGenerator(random, style);
        var title = Title(style, edition, day);
        var builder = new StringBuilder();

        var hasFrontMatter = random.NextDouble() < FrontMatterShare;
        var invalidYaml = hasFrontMatter && random.NextDouble() < InvalidYamlShareOfFrontMatter;
        if (hasFrontMatter)
        {
            AppendFrontMatter(builder, text, style, edition, day, title, invalidYaml);
        }

        builder.Append("## ").Append(title).Append("\n\n");

        // Log-normal sizes (median ~7.7 KB, sigma 0.45) give a mean near 8.4 KB and a tail up to ~40 KB, as upstream.
        var targetBytes = (int)Math.Clamp(7700 * Math.Exp(0.45 * Gaussian(random)), 3000, 40000);
        AppendBody(builder, text, day, targetBytes - 900);

        var withHeading = random.NextDouble() >= WithoutResourcesHeadingShare;
        AppendResources(builder, text, style, withHeading);
        builder.Append('\n').Append(text.Sentence().TrimEnd()).Append(" [").Append(style.DayLabel(day + 1)).Append("](day")
            .Append((day + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append(".md)\n");

        if (random.NextDouble() < CrlfShare)
        {
            builder.Replace("\n", "\r\n");
        }

        var content = builder.ToString();
        facts = new LessonFacts(Encoding.UTF8.GetByteCount(content), hasFrontMatter, invalidYaml);
        return content;
    }

    /// <summary>
    /// The lesson's text until it reaches about <paramref name="bodyBytes"/>: short paragraphs of one to three
    /// sentences, each followed now and then by what real lessons put between them, in about the numbers a real
    /// checkout has per file (bench/README.md gives both: blocks, images, list items, headings, code, table rows).
    /// </summary>
    private static void AppendBody(StringBuilder builder, TextGenerator text, int day, int bodyBytes)
    {
        var random = text.Random;
        var written = 0;
        var paragraphs = 0;
        while (written < bodyBytes)
        {
            var before = builder.Length;
            if (paragraphs > 0 && random.Next(5) == 0)
            {
                builder.Append(random.Next(4) == 0 ? "#### " : "### ").Append(text.Title(1, 4)).Append("\n\n");
            }

            builder.Append(text.Paragraph(random.Next(60, 320))).Append("\n\n");
            paragraphs++;
            if (random.Next(3) == 0)
            {
                builder.Append("![](Images/Day").Append(day).Append('_').Append(text.EnglishWord()).Append(random.Next(1, 9)).Append(".png)\n\n");
            }

            switch (random.Next(40))
            {
                case < 5:
                    AppendList(builder, text);
                    break;
                case < 8:
                    AppendCodeBlock(builder, text, random.Next(3) == 0 ? random.Next(15, 41) : null);
                    break;
                case 8 when random.Next(3) == 0:
                    AppendTable(builder, text);
                    break;
                case 9 when random.Next(4) == 0:
                    AppendHtml(builder, text, day);
                    break;
            }

            written += Encoding.UTF8.GetByteCount(builder.ToString(before, builder.Length - before));
        }
    }

    /// <summary>A resources list under its heading, or (a lesson without one) its links in a closing paragraph.</summary>
    private static void AppendResources(StringBuilder builder, TextGenerator text, LanguageStyle style, bool withHeading)
    {
        var random = text.Random;
        var links = random.Next(3, 9);
        if (!withHeading)
        {
            builder.Append(text.Sentence());
            for (var i = 0; i < links; i++)
            {
                builder.Append(style.WordSeparator).Append('[').Append(text.Title(2, 6)).Append("](").Append(text.Url()).Append(')');
            }

            builder.Append("\n\n");
            return;
        }

        builder.Append(random.Next(10) == 0 ? "### " : "## ").Append(style.ResourcesHeading).Append("\n\n");
        for (var i = 0; i < links; i++)
        {
            builder.Append("- [").Append(text.Title(2, 6)).Append("](").Append(text.Url()).Append(")\n");
        }
    }

    private static void AppendList(StringBuilder builder, TextGenerator text)
    {
        var random = text.Random;
        var ordered = random.Next(4) == 0;
        var items = random.Next(2, 7);
        for (var item = 1; item <= items; item++)
        {
            builder.Append(ordered ? $"{item}. " : "- ").Append(text.Words(random.Next(3, 14))).Append('\n');
            if (random.Next(10) == 0)
            {
                builder.Append("  - ").Append(text.Words(random.Next(3, 10))).Append(" [").Append(text.EnglishWord()).Append("](").Append(text.Url()).Append(")\n");
            }
        }

        builder.Append('\n');
    }

    private static void AppendFrontMatter(StringBuilder builder, TextGenerator text, LanguageStyle style, string edition, int day, string title, bool invalid)
    {
        var random = text.Random;
        var dayLabel = random.Next(10) < 7 ? style.DayLabel(day) : LanguageStyle.English.DayLabel(day);
        var fullTitle = $"#90DaysOfDevOps - {title} - {dayLabel}";
        var description = text.Words(random.Next(6, 15));
        var brokenTitle = invalid && random.Next(2) == 0;
        builder.Append("---\n");
        if (brokenTitle)
        {
            // A backslash does not escape a quote in single-quoted YAML: the scalar ends at "d\" and "un..." is garbage.
            builder.Append("title: '#90DaysOfDevOps - Introduction d\\'un ").Append(title).Append(" - ").Append(dayLabel).Append("'\n");
        }
        else
        {
            builder.Append("title: '").Append(fullTitle.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }

        builder.Append("published: false\n");
        // A plain scalar holding ": " is the other real-world mistake ("mapping values are not allowed here").
        builder.Append("description: ").Append(invalid && !brokenTitle ? $"{text.Words(3)}: {description}" : description).Append('\n');
        builder.Append("tags: 'devops, 90daysofdevops, learning'\n");
        builder.Append("cover_image: null\n");
        builder.Append("canonical_url: null\n");
        builder.Append("id: ").Append(1_000_000 + random.Next(100_000)).Append('\n');
        builder.Append("date: '").Append(edition).Append('-').Append(random.Next(1, 13).ToString("00", System.Globalization.CultureInfo.InvariantCulture))
            .Append('-').Append(random.Next(1, 29).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append("T10:12:40Z'\n");
        builder.Append("---\n\n");
    }

    private static void AppendTable(StringBuilder builder, TextGenerator text)
    {
        var random = text.Random;
        var columns = random.Next(2, 6);
        builder.Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(_ => $" {text.Title(1, 3)} |"))).Append('\n');
        builder.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", columns))).Append('\n');
        for (var row = random.Next(3, 12); row > 0; row--)
        {
            builder.Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(_ => $" `{text.EnglishWord()}` {text.Words(random.Next(1, 6))} |"))).Append('\n');
        }

        builder.Append('\n');
    }

    private static void AppendHtml(StringBuilder builder, TextGenerator text, int day)
    {
        var random = text.Random;
        if (random.Next(2) == 0)
        {
            builder.Append("<p align=\"center\">\n  <img src=\"Images/Day").Append(day).Append('_').Append(text.EnglishWord())
                .Append(".png\" width=\"").Append(random.Next(300, 900)).Append("\" alt=\"").Append(text.Words(3)).Append("\">\n</p>\n\n");
            return;
        }

        builder.Append("<details>\n<summary>").Append(text.Title(2, 5)).Append("</summary>\n\n").Append(text.Paragraph(400)).Append("\n\n</details>\n\n");
    }

    private static void AppendCodeBlock(StringBuilder builder, TextGenerator text, int? lineCount = null)
    {
        var random = text.Random;
        builder.Append(random.Next(3) switch { 0 => "```bash\n", 1 => "```yaml\n", _ => "```\n" });
        var lines = lineCount ?? random.Next(4, 21);
        for (var i = 0; i < lines; i++)
        {
            if (random.Next(5) == 0)
            {
                builder.Append(new string(' ', 2 * random.Next(1, 4))).Append(text.EnglishWord()).Append(": ").Append(text.EnglishWord()).Append('\n');
            }
            else if (random.Next(3) == 0)
            {
                builder.Append("# ").Append(text.Words(random.Next(3, 9))).Append('\n');
            }
            else
            {
                builder.Append(text.EnglishWord()).Append(' ').Append(text.EnglishWord()).Append(" --").Append(text.EnglishWord())
                    .Append(' ').Append(text.EnglishWord()).Append('\n');
            }
        }

        builder.Append("```\n\n");
    }

    /// <summary>A stable seed (string.GetHashCode is randomised per process).</summary>
    private static int SeedOf(string edition, string language, int day)
    {
        var hash = 17;
        foreach (var character in edition + "/" + language)
        {
            hash = unchecked((hash * 31) + character);
        }

        return unchecked((hash * 131) + day) & int.MaxValue;
    }

    private static double Gaussian(Random random)
    {
        // Box-Muller: two uniforms -> one standard normal.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
