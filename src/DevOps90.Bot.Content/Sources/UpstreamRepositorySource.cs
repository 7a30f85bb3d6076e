using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DevOps90.Bot.Content.Parsing;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Content.Sources;

/// <summary>
/// Discovers the curricula of an upstream checkout: every four-digit folder is an edition, every folder holding
/// dayNN.md files is a day folder, and its path names the language (2022/Days = en, 2022/es/Days = es, 2022/pl = pl,
/// 2023 = en, 2023/fr/days = fr). Titles and topics come from the edition's index files.
/// </summary>
internal static partial class UpstreamRepositorySource
{
    private static readonly HashSet<string> _ignoredFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "template_repository", "images", "image", "img", "assets", ".git", ".github", "node_modules",
    };

    public static IEnumerable<CurriculumPlan> Plan(string root, ContentSourceOptions options, DiagnosticSink sink)
    {
        var editions = Directory.EnumerateDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => EditionFolder().IsMatch(name))
            .Where(name => options.Editions.Count == 0 || options.Editions.Contains(name, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        // Listing the folders is quick; reading and parsing the index files is most of planning, and one edition
        // (2022) has ten languages: the edition indexes and the curricula are read side by side, all at once.
        var languages = editions.SelectMany(edition => LanguagesOf(root, edition, options, sink)).ToList();
        var editionIndexes = new List<IndexEntry>[editions.Count];
        var plans = new (CurriculumPlan Plan, bool HasOwnIndex)[languages.Count];
        Parallel.For(0, editions.Count + languages.Count, i =>
        {
            if (i < editions.Count)
            {
                editionIndexes[i] = ReadIndex(root, Path.Combine(root, editions[i] + ".md"), sink);
                return;
            }

            var language = languages[i - editions.Count];
            plans[i - editions.Count] = PlanCurriculum(root, language, options, sink);
        });

        // A translation's own index names its titles and topics in its language; only a language without one
        // borrows the edition's (English) index, which is better than no topic at all.
        return [.. plans.Select((planned, i) => planned.HasOwnIndex
            ? planned.Plan
            : WithIndex(planned.Plan, editionIndexes[editions.IndexOf(languages[i].Edition)]))];
    }

    /// <summary>The day folders of one edition, by language, fuller folder first.</summary>
    private static IEnumerable<LanguageFolders> LanguagesOf(string root, string edition, ContentSourceOptions options, DiagnosticSink sink)
    {
        var editionRoot = Path.Combine(root, edition);
        var byLanguage = new Dictionary<string, List<(string Folder, List<(int Day, string Path)> Days)>>();
        foreach (var (folder, days) in DayFolders(editionRoot))
        {
            var relativeFolder = DayFiles.Relative(root, folder);
            var language = LanguageOf(relativeFolder, edition, options);
            if (language is null)
            {
                sink.Warn(relativeFolder, 1, "a folder of day files whose language cannot be told from its path; set Content:Sources:N:FolderLanguages to read it");
                continue;
            }

            if (options.Languages.Count > 0 && !options.Languages.Any(wanted => LanguageCode.Normalize(wanted) == language))
            {
                continue;
            }

            if (!byLanguage.TryGetValue(language, out var folders))
            {
                byLanguage[language] = folders = [];
            }

            folders.Add((folder, days));
        }

        foreach (var (language, folders) in byLanguage.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            folders.Sort((left, right) => right.Days.Count.CompareTo(left.Days.Count));
            yield return new LanguageFolders(edition, editionRoot, language, folders);
        }
    }

    /// <summary>One curriculum's plan, with the titles and topics of its own index when it has one.</summary>
    private static (CurriculumPlan Plan, bool HasOwnIndex) PlanCurriculum(string root, LanguageFolders language, ContentSourceOptions options, DiagnosticSink sink)
    {
        var (edition, editionRoot, code, folders) = language;
        var files = MergeFolders(root, folders, sink);
        var ownIndexes = LanguageIndexes(root, editionRoot, folders.Select(folder => folder.Folder), sink).ToList();
        var plan = new CurriculumPlan
        {
            Template = new Curriculum
            {
                Id = edition,
                Edition = edition,
                Language = code,
                DefaultLanguage = "en",
                Title = $"#90DaysOfDevOps {edition}",
                SourceUrl = options.RepositoryUrl,
                Licence = "CC BY-NC-SA 4.0",
                Attribution = "#90DaysOfDevOps by Michael Cade and contributors",
                Origin = DayFiles.Relative(root, folders[0].Folder),
            },
            Files = files,
            LessonUrl = file => $"{options.RepositoryUrl.TrimEnd('/')}/{file.RelativePath}",
        };
        return ownIndexes.Count > 0 ? (WithIndex(plan, [.. ownIndexes.SelectMany(entries => entries)]), true) : (plan, false);
    }

    private static CurriculumPlan WithIndex(CurriculumPlan plan, List<IndexEntry> index)
    {
        var byDay = index.GroupBy(entry => entry.Day).ToDictionary(group => group.Key, group => group.ToList());
        return plan with
        {
            Template = plan.Template with { Topics = TopicsFrom(byDay) },
            IndexTitles = byDay
                .Select(pair => (pair.Key, Title: pair.Value.Select(entry => entry.Title).FirstOrDefault(title => title is not null)))
                .Where(pair => pair.Title is not null)
                .ToImmutableDictionary(pair => pair.Key, pair => pair.Title!),
        };
    }

    /// <summary>The day folders of one language in one edition.</summary>
    private sealed record LanguageFolders(string Edition, string EditionRoot, string Language, List<(string Folder, List<(int Day, string Path)> Days)> Folders);

    private static IEnumerable<(string Folder, List<(int Day, string Path)> Days)> DayFolders(string editionRoot)
    {
        var pending = new Stack<(string Folder, int Depth)>([(editionRoot, 0)]);
        while (pending.TryPop(out var item))
        {
            var days = DayFiles.In(item.Folder).ToList();
            if (days.Count > 0)
            {
                yield return (item.Folder, days);
            }

            if (item.Depth >= 3)
            {
                continue;
            }

            foreach (var child in Directory.EnumerateDirectories(item.Folder).Order(StringComparer.Ordinal).Reverse())
            {
                if (!_ignoredFolders.Contains(Path.GetFileName(child)))
                {
                    pending.Push((child, item.Depth + 1));
                }
            }
        }
    }

    /// <summary>"2022/Days" -> en, "2022/es/Days" -> es, "2022/pl" -> pl, "2023" -> en, "2023/fr/days" -> fr.</summary>
    private static string? LanguageOf(string relativeFolder, string edition, ContentSourceOptions options)
    {
        foreach (var (folder, language) in options.FolderLanguages)
        {
            if (string.Equals(folder.Trim('/'), relativeFolder, StringComparison.OrdinalIgnoreCase))
            {
                return LanguageCode.Normalize(language);
            }
        }

        var segments = relativeFolder.Split('/')
            .Skip(1)
            .Where(segment => !segment.Equals("days", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return segments switch
        {
            [] => "en",
            [var single] when LanguageFolder().IsMatch(single) => LanguageCode.Normalize(single),
            _ => null,
        };
    }

    private static ImmutableArray<DayFile> MergeFolders(string root, List<(string Folder, List<(int Day, string Path)> Days)> folders, DiagnosticSink sink)
    {
        // A language can have day files in two folders (2023/fr/day03.md beside 2023/fr/days/): the fuller folder,
        // which comes first, wins.
        var byDay = new SortedDictionary<int, DayFile>();
        foreach (var (_, days) in folders)
        {
            foreach (var (day, path) in days)
            {
                var file = new DayFile(day, path, DayFiles.Relative(root, path));
                if (byDay.TryGetValue(day, out var kept))
                {
                    sink.Warn(file.RelativePath, 1, $"day {day} is also in {kept.RelativePath}; that file is used");
                    continue;
                }

                byDay[day] = file;
            }
        }

        return [.. byDay.Values];
    }

    /// <summary>Index files of one language: the non-day markdown files beside the day folders and one level up.</summary>
    private static IEnumerable<List<IndexEntry>> LanguageIndexes(string root, string editionRoot, IEnumerable<string> dayFolders, DiagnosticSink sink)
    {
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in dayFolders)
        {
            var parent = Path.GetDirectoryName(folder);
            var folders = string.Equals(Path.GetFullPath(folder), Path.GetFullPath(editionRoot), StringComparison.Ordinal) || parent is null
                ? [folder]
                : new[] { folder, parent };
            foreach (var candidateFolder in folders)
            {
                foreach (var path in Directory.EnumerateFiles(candidateFolder, "*.md"))
                {
                    if (!DayFiles.TryGetDay(Path.GetFileName(path), out _))
                    {
                        candidates.Add(path);
                    }
                }
            }
        }

        foreach (var path in candidates)
        {
            var entries = ReadIndex(root, path, sink);
            if (entries.Count >= 3)
            {
                yield return entries;
            }
        }
    }

    private static List<IndexEntry> ReadIndex(string root, string path, DiagnosticSink sink)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = SourceText.ReadFile(path, out _);
        return EditionIndexParser.Parse(text, sink.WarnerFor(DayFiles.Relative(root, path)));
    }

    private static ImmutableArray<Topic> TopicsFrom(Dictionary<int, List<IndexEntry>> entries)
    {
        var topics = ImmutableArray.CreateBuilder<Topic>();
        foreach (var (day, topic) in entries.OrderBy(pair => pair.Key).Select(pair => (pair.Key, pair.Value.Select(entry => entry.Topic).FirstOrDefault(name => name is not null))))
        {
            if (topic is null)
            {
                continue;
            }

            if (topics.Count > 0 && topics[^1].Name == topic && topics[^1].LastDay == day - 1)
            {
                topics[^1] = topics[^1] with { LastDay = day };
            }
            else
            {
                topics.Add(new Topic(topic, day, day));
            }
        }

        return topics.ToImmutable();
    }

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex EditionFolder();

    [GeneratedRegex(@"^[a-z]{2,3}(?:[-_][a-z]{2,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageFolder();
}
