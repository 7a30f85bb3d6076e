using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DevOps90.Bot.Core.Commands;

namespace DevOps90.Bot.LocalConsole;

/// <summary>A console line: the command, its subcommand if it has them, then options.</summary>
public sealed record ConsoleLine(string Command, ImmutableDictionary<string, string> Options, bool WantsSuggestions, string? SuggestOption)
{
    public string? Subcommand { get; init; }
}

/// <summary>
/// Reads what a person types at the console the way they would type a slash command: <c>/day 2</c>,
/// <c>/resources topic:Kubernetes</c>, <c>/search docker compose</c> (text without a name goes to the command's first
/// option), <c>/participation export from:2027-01-01</c> (a subcommand is the first word). A leading <c>?</c> asks for the suggestions a platform would show while typing: <c>?day kube</c>.
/// </summary>
public static partial class ConsoleCommandParser
{
    public static ConsoleLine? Parse(string line, Func<string, CommandDefinition?> findCommand)
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

        foreach (var part in NamedOptionStart().Split(rest).Where(part => part.Length > 0))
        {
            var named = NamedOption().Match(part);
            if (named.Success && allowed.Any(option => option.Name == named.Groups["name"].Value))
            {
                lastOption = named.Groups["name"].Value;
                options[lastOption] = named.Groups["value"].Value.Trim();
            }
            else if (allowed.Length > 0 && !options.ContainsKey(allowed[0].Name))
            {
                lastOption = allowed[0].Name;
                options[lastOption] = part.Trim();
            }
        }

        var suggestOption = wantsSuggestions
            ? lastOption ?? allowed.FirstOrDefault(option => option.Autocomplete)?.Name
            : null;
        return new ConsoleLine(name, options.ToImmutable(), wantsSuggestions, suggestOption) { Subcommand = subcommand?.Name };
    }

    private static string FirstWord(string text) => text.Split(' ', 2)[0];

    [GeneratedRegex(@"\s+(?=[a-z][a-z-]*:)")]
    private static partial Regex NamedOptionStart();

    [GeneratedRegex(@"^(?<name>[a-z][a-z-]*):(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex NamedOption();
}
