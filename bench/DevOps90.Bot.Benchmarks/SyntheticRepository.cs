using System.Globalization;
using System.Text;

namespace DevOps90.Bot.Benchmarks;

/// <summary>What the generator wrote; printed so a run shows the shape it measured.</summary>
internal sealed record RepositorySummary(int DayFiles, int TemplateFiles, long TotalBytes, int SmallestBytes, int LargestBytes, int WithoutFrontMatter, int InvalidYaml)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{DayFiles} day files ({TotalBytes / 1024.0 / 1024.0:0.0} MB, mean {TotalBytes / 1024.0 / DayFiles:0.0} KB, " +
        $"{SmallestBytes / 1024.0:0.0}-{LargestBytes / 1024.0:0.0} KB; {WithoutFrontMatter} without front matter, " +
        $"{InvalidYaml} with invalid YAML) + {TemplateFiles} empty template files");
}

/// <summary>
/// Writes a checkout shaped like github.com/MichaelCade/90DaysOfDevOps (three editions, up to ten languages, 979 day
/// files, the edition and translation index files) with invented text, so the benchmarks run anywhere.
/// </summary>
internal static class SyntheticRepository
{
    /// <summary>Bump when the generated shape changes, so a stale copy in the temp folder is not reused.</summary>
    private const int Version = 3;

    private const string CompleteMarker = ".synthetic-complete";

    /// <summary>One folder of day files: days 1..Days, its index file, and how that index links the days.</summary>
    private sealed record DayFolder(string Edition, string Language, string Folder, int Days, string? Index, string LinkPrefix);

    private static readonly string[] _fullTranslations2022 = ["es", "ja", "ko", "vi", "zh_cn", "zh_tw"];

    private static readonly DayFolder[] _layout =
    [
        new("2022", "en", "2022/Days", 90, "2022.md", "2022/Days/"),
        .. _fullTranslations2022.Select(language => new DayFolder("2022", language, $"2022/{language}/Days", 90, $"2022/{language}/README.md", "Days/")),
        new("2022", "pt-br", "2022/pt-br/Days", 9, "2022/pt-br/README.md", "Days/"),
        new("2022", "tr", "2022/tr/Days", 42, "2022/tr/README.md", "Days/"),
        new("2022", "pl", "2022/pl", 40, "2022/pl/README.md", ""),
        new("2023", "en", "2023", 90, "2023.md", "2023/"),
        new("2023", "fr", "2023/fr/days", 35, "2023/fr/README.md", "days/"),
        new("2023", "ko", "2023/ko/days", 22, "2023/ko/README.md", "days/"),
        new("2023", "vi", "2023/vi/days", 20, "2023/vi/README.md", "days/"),
        new("2024", "en", "2024", 91, "2024.md", "2024/"),
    ];

    /// <summary>The generated checkout in the temp folder, written on first use and reused after that.</summary>
    public static string EnsureInTempFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "devops90-bench", $"upstream-v{Version}");
        if (!File.Exists(Path.Combine(root, CompleteMarker)))
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            Write(root);
            File.WriteAllText(Path.Combine(root, CompleteMarker), "");
        }

        return root;
    }

    public static RepositorySummary Write(string root)
    {
        Directory.CreateDirectory(root);
        WriteFile(root, "README.md", "# 90DaysOfDevOps (synthetic)\n\nGenerated for the DevOps90.Bot benchmarks; every word is invented.\n");

        var sizes = new List<LessonFacts>();
        foreach (var folder in _layout)
        {
            var style = LanguageStyle.For(folder.Language);
            for (var day = 1; day <= folder.Days; day++)
            {
                var content = SyntheticLesson.Write(style, folder.Edition, day, out var facts);
                WriteFile(root, $"{folder.Folder}/day{day:00}.md", content);
                sizes.Add(facts);
            }

            if (folder.Index is not null)
            {
                WriteFile(root, folder.Index, IndexFor(folder, style));
            }
        }

        const int templateDays = 90;
        for (var day = 1; day <= templateDays; day++)
        {
            WriteFile(root, $"template_repository/day{day:00}.md", "");
        }

        return new RepositorySummary(
            sizes.Count, templateDays, sizes.Sum(size => (long)size.Bytes), sizes.Min(size => size.Bytes), sizes.Max(size => size.Bytes),
            sizes.Count(size => !size.HasFrontMatter), sizes.Count(size => size.HasInvalidYaml));
    }

    /// <summary>
    /// "- [✔️] ♾️ 2 > [Title](2022/Days/day02.md)" under "### Topic" headings; 2024 is one flat list with a speaker.
    /// </summary>
    private static string IndexFor(DayFolder folder, LanguageStyle style)
    {
        var topicNames = new TextGenerator(new Random(int.Parse(folder.Edition, CultureInfo.InvariantCulture)), style);
        var builder = new StringBuilder();
        builder.Append("# #90DaysOfDevOps ").Append(folder.Edition).Append("\n\n");
        builder.Append(new TextGenerator(new Random(folder.Days), style).Paragraph(400)).Append("\n\n## Progress\n\n");
        var flat = folder.Edition == "2024";
        var speakers = new TextGenerator(new Random(2024), LanguageStyle.English);
        for (var day = 1; day <= folder.Days; day++)
        {
            if (!flat && (day == 1 || day % 7 == 2))
            {
                builder.Append("\n### ").Append(topicNames.Title(2, 4)).Append("\n\n");
            }

            var title = SyntheticLesson.Title(style, folder.Edition, day);
            builder.Append(flat ? "- [✔️][✔️] ♾️ " : "- [✔️] ♾️ ").Append(day).Append(" > [").Append(title).Append("](")
                .Append(folder.LinkPrefix).Append("day").Append(day.ToString("00", CultureInfo.InvariantCulture)).Append(".md)");
            if (flat)
            {
                builder.Append(" - ").Append(speakers.Title(2, 2));
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static void WriteFile(string root, string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
