using System.Collections.Immutable;
using System.Globalization;
using DevOps90.Bot.Content.Parsing;
using DevOps90.Bot.Core.Curricula;
using YamlDotNet.Core;

namespace DevOps90.Bot.Content.Sources;

/// <summary>
/// Reads the bundled layout: <c>&lt;root&gt;/&lt;id&gt;/curriculum.yaml</c> with one folder per language of
/// <c>dayNN.md</c> files beside it.
/// </summary>
internal static class BundledContentSource
{
    public const string ManifestName = "curriculum.yaml";

    public static bool Recognizes(string root) =>
        File.Exists(Path.Combine(root, ManifestName))
        || Directory.EnumerateDirectories(root).Any(folder => File.Exists(Path.Combine(folder, ManifestName)));

    public static IEnumerable<CurriculumPlan> Plan(string root, ContentSourceOptions options, DiagnosticSink sink)
    {
        IEnumerable<string> curriculumFolders = File.Exists(Path.Combine(root, ManifestName))
            ? [root]
            : Directory.EnumerateDirectories(root).Where(folder => File.Exists(Path.Combine(folder, ManifestName))).Order(StringComparer.Ordinal);
        var contentRoot = File.Exists(Path.Combine(root, ManifestName)) ? Path.GetDirectoryName(Path.GetFullPath(root))! : root;

        foreach (var folder in curriculumFolders)
        {
            var manifestPath = DayFiles.Relative(contentRoot, Path.Combine(folder, ManifestName));
            var manifest = ReadManifest(Path.Combine(folder, ManifestName), manifestPath, sink);
            if (manifest is null)
            {
                continue;
            }

            foreach (var languageFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                var language = LanguageCode.Normalize(Path.GetFileName(languageFolder));
                if (options.Languages.Count > 0 && !options.Languages.Any(wanted => LanguageCode.Normalize(wanted) == language))
                {
                    continue;
                }

                var files = DayFiles.In(languageFolder)
                    .OrderBy(file => file.Day)
                    .Select(file => new DayFile(file.Day, file.Path, DayFiles.Relative(contentRoot, file.Path)))
                    .ToImmutableArray();
                if (files.IsEmpty)
                {
                    continue;
                }

                yield return new CurriculumPlan
                {
                    Template = new Curriculum
                    {
                        Id = manifest.Id,
                        Edition = string.IsNullOrEmpty(manifest.Edition) ? manifest.Id : manifest.Edition,
                        Language = language,
                        DefaultLanguage = LanguageCode.Normalize(manifest.DefaultLanguage),
                        Title = manifest.Titles.GetValueOrDefault(language)
                            ?? manifest.Titles.GetValueOrDefault(manifest.DefaultLanguage)
                            ?? manifest.Id,
                        SourceUrl = manifest.SourceUrl,
                        Licence = manifest.Licence,
                        Attribution = manifest.Attribution,
                        Topics = TopicsFor(manifest, language, manifestPath, sink),
                        Origin = DayFiles.Relative(contentRoot, languageFolder),
                    },
                    Files = files,
                    LessonUrl = file => manifest.LessonUrl?
                        .Replace("{day:00}", file.Day.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        .Replace("{day}", file.Day.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                    IsCurated = true,
                };
            }
        }
    }

    private static BundledManifest? ReadManifest(string fullPath, string relativePath, DiagnosticSink sink)
    {
        try
        {
            var text = SourceText.ReadFile(fullPath, out _);
            var manifest = BundledManifestReader.Read(text);
            if (string.IsNullOrWhiteSpace(manifest?.Id))
            {
                sink.Error(relativePath, 1, "the curriculum has no 'id'; its lessons were not loaded");
                return null;
            }

            return manifest;
        }
        catch (YamlException exception)
        {
            sink.Error(relativePath, (int)exception.Start.Line, $"not a valid curriculum manifest: {exception.InnerException?.Message ?? exception.Message}; its lessons were not loaded");
            return null;
        }
    }

    private static ImmutableArray<Topic> TopicsFor(BundledManifest manifest, string language, string manifestPath, DiagnosticSink sink)
    {
        var topics = ImmutableArray.CreateBuilder<Topic>();
        foreach (var entry in manifest.Topics)
        {
            var name = entry.GetValueOrDefault(language) ?? entry.GetValueOrDefault(manifest.DefaultLanguage);
            if (name is null || !TryParseRange(entry.GetValueOrDefault("days"), out var first, out var last))
            {
                // Only reported once, for the default language, so a check prints it a single time.
                if (language == manifest.DefaultLanguage)
                {
                    sink.Warn(manifestPath, 1, $"a topic needs 'days: N-M' and a name for '{manifest.DefaultLanguage}'; skipped");
                }

                continue;
            }

            topics.Add(new Topic(name, first, last));
        }

        return topics.ToImmutable();
    }

    private static bool TryParseRange(string? range, out int first, out int last)
    {
        first = last = 0;
        if (range is null)
        {
            return false;
        }

        var parts = range.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            1 => int.TryParse(parts[0], out first) && (last = first) > 0,
            2 => int.TryParse(parts[0], out first) && int.TryParse(parts[1], out last) && first <= last,
            _ => false,
        };
    }
}
