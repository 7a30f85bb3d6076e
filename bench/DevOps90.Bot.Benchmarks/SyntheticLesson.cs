using System.Text;

namespace DevOps90.Bot.Benchmarks;

/// <summary>What one generated day file turned out to be, for the summary the generator prints.</summary>
internal readonly record struct LessonFacts(int Bytes, bool HasFrontMatter, bool HasInvalidYaml);

/// <summary>
/// One upstream-shaped day file: dev.to front matter on most files (a few not valid YAML, as upstream), a title heading,
/// prose under sub-headings, and between paragraphs what makes real lessons costly to parse (measured: a real checkout
/// indexed in 145 ms where prose alone gave 49 ms): long fenced code blocks, tables, inline HTML (centred images,
/// details), nested lists and images; then a resources list and a "see you tomorrow" link.
/// </summary>
internal static class SyntheticLesson
{
    private const double FrontMatterShare = 0.85;

    // 1.8% of the 85% with front matter: about 1.5% of all files, as measured upstream.
    private const double InvalidYamlShareOfFrontMatter = 0.018;

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

        // Log-normal sizes (median ~6.7 KB, sigma 0.6) give a mean near 8 KB and a tail up to ~45 KB.
        var targetBytes = (int)Math.Clamp(6700 * Math.Exp(0.6 * Gaussian(random)), 3600, 45000);
        var bodyBytes = Math.Max(targetBytes - 1300, 1500);
        // About 1,400 bytes a paragraph with what follows it (code, tables, HTML, lists one time in two), so the file
        // keeps the size measured upstream.
        var paragraphs = Math.Clamp((int)Math.Round(bodyBytes / 1400.0), 4, 30);
        var paragraphBytes = bodyBytes / paragraphs;
        var codeAfter = random.Next(1, paragraphs);
        var imageAfter = random.Next(0, paragraphs);
        for (var i = 0; i < paragraphs; i++)
        {
            if (i > 0 && random.Next(3) == 0)
            {
                builder.Append(random.Next(4) == 0 ? "#### " : "### ").Append(text.Title(1, 4)).Append("\n\n");
            }

            builder.Append(text.Paragraph(paragraphBytes)).Append("\n\n");
            if (i == imageAfter)
            {
                builder.Append("![](Images/Day").Append(day).Append('_').Append(text.EnglishWord()).Append(random.Next(1, 9)).Append(".png)\n\n");
            }

            if (i == codeAfter)
            {
                AppendCodeBlock(builder, text);
            }

            switch (random.Next(8))
            {
                case 0:
                    AppendCodeBlock(builder, text, random.Next(15, 61));
                    break;
                case 1:
                    AppendTable(builder, text);
                    break;
                case 2:
                    AppendHtml(builder, text, day);
                    break;
                case 3:
                    AppendNestedList(builder, text);
                    break;
            }
        }

        builder.Append(random.Next(10) == 0 ? "### " : "## ").Append(style.ResourcesHeading).Append("\n\n");
        var links = random.Next(3, 9);
        for (var i = 0; i < links; i++)
        {
            builder.Append("- [").Append(text.Title(2, 6)).Append("](").Append(text.Url()).Append(")\n");
        }

        builder.Append('\n').Append(text.Sentence().TrimEnd()).Append(" [").Append(style.DayLabel(day + 1)).Append("](day")
            .Append((day + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append(".md)\n");

        var content = builder.ToString();
        facts = new LessonFacts(Encoding.UTF8.GetByteCount(content), hasFrontMatter, invalidYaml);
        return content;
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

    private static void AppendNestedList(StringBuilder builder, TextGenerator text)
    {
        var random = text.Random;
        for (var item = random.Next(3, 8); item > 0; item--)
        {
            builder.Append("- **").Append(text.Title(1, 3)).Append("**: ").Append(text.Words(random.Next(5, 15))).Append('\n');
            for (var sub = random.Next(0, 4); sub > 0; sub--)
            {
                builder.Append("  - ").Append(text.Words(random.Next(3, 10))).Append(" [").Append(text.EnglishWord()).Append("](").Append(text.Url()).Append(")\n");
            }
        }

        builder.Append('\n');
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
