using System.Collections.Immutable;
using System.Text.RegularExpressions;
namespace DevOps90.Bot.Core.Commands;

/// <summary>A command as typed: the command, its subcommand if it has them, then options.</summary>
public sealed record TypedCommand(string Command, ImmutableDictionary<string, string> Options, bool WantsSuggestions, string? SuggestOption)
{
    public string? Subcommand { get; init; }
}

/// <summary>
/// The one grammar of a command as text, for every platform that carries commands as text (the console, a button's
/// command, a chat command's text): the way a person types a slash command: <c>/day 2</c>,
/// <c>/resources topic:Kubernetes</c>, <c>/search docker compose</c>, <c>/cohort time 07:30</c> (words without a name
/// fill the options in order), <c>/participation export from:2027-01-01</c> (a subcommand is the first word). A leading <c>?</c> asks for the suggestions a platform would show while typing: <c>?day kube</c>.
/// </summary>
public static partial class CommandGrammar
{
    public static TypedCommand? Parse(string line, Func<string, CommandDefinition?> findCommand)
    {
        var trimmed = line.Trim();
        var wantsSuggestions = trimmed.StartsWith('?');
        trimmed = trimmed.TrimStart('?', '/').Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? trimmed : trimmed[..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        var command = findCommand(name);
        var subcommand = command?.Subcommand(FirstWord(rest));
        if (subcommand is not null)
        {
            rest = rest[subcommand.Name.Length..].Trim();
        }

        var allowed = command?.OptionsOf(subcommand?.Name) ?? [];
        var options = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        string? lastOption = null;

        var positional = new List<string>();
        foreach (var part in NamedOptionStart().Split(rest).Where(part => part.Length > 0))
        {
            var named = NamedOption().Match(part);
            if (named.Success && allowed.Any(option => option.Name == named.Groups["name"].Value))
            {
                lastOption = named.Groups["name"].Value;
                options[lastOption] = named.Groups["value"].Value.Trim();
            }
            else
            {
                positional.Add(part);
            }
        }

        lastOption = FillPositional(options, allowed, positional) ?? lastOption;
        var suggestOption = wantsSuggestions
            ? lastOption ?? allowed.FirstOrDefault(option => option.Autocomplete)?.Name
            : null;
        return new TypedCommand(name, options.ToImmutable(), wantsSuggestions, suggestOption) { Subcommand = subcommand?.Name };
    }

    /// <summary>
    /// Words typed without a name fill the options not named, in order, one word each, as <c>/day 2</c> and
    /// <c>/cohort time 07:30</c> do; the last option left takes all the remaining words (<c>/search docker compose</c>).
    /// A number option skips a word that is not a number when a later option can take it (<c>/resources kubernetes</c>).
    /// Returns the last option filled.
    /// </summary>
    private static string? FillPositional(ImmutableDictionary<string, string>.Builder options, ImmutableArray<CommandOption> allowed, List<string> positional)
    {
        var words = new Queue<string>(string.Join(' ', positional).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var open = allowed.Where(option => !options.ContainsKey(option.Name)).ToList();
        string? last = null;
        for (var index = 0; index < open.Count && words.Count > 0; index++)
        {
            var option = open[index];
            var isLast = index == open.Count - 1;
            if (!isLast && option.Kind == OptionKind.Number && !IsNumber(words.Peek()))
            {
                continue;
            }

            options[option.Name] = isLast ? string.Join(' ', words) : words.Dequeue();
            last = option.Name;
            if (isLast)
            {
                words.Clear();
            }
        }

        return last;
    }

    private static bool IsNumber(string word) => word.TrimStart('#').All(char.IsAsciiDigit) && word.TrimStart('#').Length > 0;

    private static string FirstWord(string text) => text.Split(' ', 2)[0];

    [GeneratedRegex(@"\s+(?=[a-z][a-z-]*:)")]
    private static partial Regex NamedOptionStart();

    [GeneratedRegex(@"^(?<name>[a-z][a-z-]*):(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex NamedOption();
}
