using System.Text;

namespace DevOps90.Bot.Benchmarks;

/// <summary>What one generated day file turned out to be, for the summary the generator prints.</summary>
internal readonly record struct LessonFacts(int Bytes, bool HasFrontMatter, bool HasInvalidYaml);

/// <summary>
/// One upstream-shaped day file: dev.to front matter on most files (a few not valid YAML, as upstream), a title heading,
/// prose under sub-headings, an image, a fenced code block, a resources list and a "see you tomorrow" link.
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
        var paragraphs = Math.Clamp((int)Math.Round(bodyBytes / 800.0), 6, 40);
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

    private static void AppendCodeBlock(StringBuilder builder, TextGenerator text)
    {
        var random = text.Random;
        builder.Append(random.Next(2) == 0 ? "```bash\n" : "```\n");
        var lines = random.Next(4, 21);
        for (var i = 0; i < lines; i++)
        {
            if (random.Next(3) == 0)
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
