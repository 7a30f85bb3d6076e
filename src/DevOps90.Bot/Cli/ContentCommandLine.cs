using System.CommandLine;
using DevOps90.Bot.Content;
using DevOps90.Bot.Core.Curricula;

namespace DevOps90.Bot.Cli;

/// <summary>The <c>content</c> verbs: check, show and export the curriculum index without starting the bot.</summary>
internal static class ContentCommandLine
{
    public static Command Create(TextWriter output)
    {
        var rootOption = new Option<string[]>("--root")
        {
            Description = "A content folder (bundled layout or an upstream checkout); repeat for several. Default: the configured sources.",
            AllowMultipleArgumentsPerToken = false,
        };

        var check = new Command("check", "Read all content and report days found, days missing and every warning with file:line.");
        check.Options.Add(rootOption);
        check.SetAction(parse => ContentCheckCommand.Run(LoadIndex(parse.GetValue(rootOption)), output));

        var dayArgument = new Argument<int>("day") { Description = "The day number." };
        var curriculumOption = new Option<string?>("--curriculum") { Description = "The curriculum id (default: Content:DefaultCurriculum)." };
        var languageOption = new Option<string?>("--lang") { Description = "The language, e.g. en or fr (falls back to the default language)." };
        var show = new Command("show", "Print one parsed lesson.");
        show.Arguments.Add(dayArgument);
        show.Options.Add(curriculumOption);
        show.Options.Add(languageOption);
        show.Options.Add(rootOption);
        show.SetAction(parse =>
        {
            var (index, options) = LoadIndexAndOptions(parse.GetValue(rootOption));
            var curriculum = parse.GetValue(curriculumOption) ?? DefaultCurriculum(index, options);
            return ContentShowCommand.Run(index, parse.GetValue(dayArgument), curriculum, parse.GetValue(languageOption), output);
        });

        var jsonOption = new Option<bool>("--json") { Description = "Write JSON (the only format so far; see content/README.md)." };
        var export = new Command("export", "Write the whole index as JSON to standard output.");
        export.Options.Add(jsonOption);
        export.Options.Add(rootOption);
        export.SetAction(parse => ContentExportCommand.Run(LoadIndex(parse.GetValue(rootOption)), output));

        var content = new Command("content", "Inspect the curriculum content.");
        content.Subcommands.Add(check);
        content.Subcommands.Add(show);
        content.Subcommands.Add(export);
        return content;
    }

    private static CurriculumIndex LoadIndex(string[]? roots) => LoadIndexAndOptions(roots).Index;

    private static (CurriculumIndex Index, ContentOptions Options) LoadIndexAndOptions(string[]? roots)
    {
        // The content verbs take their own arguments; the settings files and the environment configure the rest.
        var configuration = BotConfiguration.Build([]);
        var options = ContentSetup.ReadOptions(configuration, BotConfiguration.ContentCheckouts(configuration));
        var sources = roots is { Length: > 0 }
            ? roots.Select(root => new ContentSourceOptions { Path = Path.GetFullPath(root) }).ToList()
            : options.Sources;
        return (ContentLoader.Load(sources, BotConfiguration.BaseDirectory), options);
    }

    private static string DefaultCurriculum(CurriculumIndex index, ContentOptions options) =>
        index.CurriculumIds.Contains(options.DefaultCurriculum) || index.CurriculumIds.IsEmpty
            ? options.DefaultCurriculum
            : index.CurriculumIds[0];
}
