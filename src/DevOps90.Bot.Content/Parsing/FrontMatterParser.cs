using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Reads front matter strictly as YAML first (the flat blocks most files have through <see cref="FlatFrontMatter"/>,
/// which reads them as YAML does, faster); about 1.5% of the real blocks are not valid YAML (an unquoted value
/// holding ": ", or <c>'d\'un'</c> inside single quotes), so a lenient line reader recovers those and says where.
/// </summary>
internal static partial class FrontMatterParser
{
    public static FrontMatter Parse(string text, Action<int, string> warn)
    {
        var (yaml, bodyStart, bodyFirstLine) = FrontMatter.Find(text);
        if (yaml is null)
        {
            return FrontMatter.None;
        }

        var values = FlatFrontMatter.TryRead(yaml) ?? ParseYaml(yaml, warn);

        foreach (var key in values.Keys.ToList())
        {
            values[key] = Unescape(values[key]);
        }

        // Read a couple of times and dropped: freezing it (analysing its keys) would cost more than the reads save.
        return new FrontMatter(values, bodyStart, bodyFirstLine);
    }

    private static Dictionary<string, string> ParseYaml(string yaml, Action<int, string> warn)
    {
        try
        {
            return ParseStrict(yaml);
        }
        catch (YamlException exception)
        {
            // Line 1 of the file is the opening "---", so YAML line n is file line n + 1.
            var line = (int)exception.Start.Line + 1;
            warn(line, $"front matter is not valid YAML ({FirstSentence(exception.Message)}); values were recovered line by line");
            return ParseLenient(yaml);
        }
    }

    internal static Dictionary<string, string> ParseStrict(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            return values;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key })
            {
                values[key] = valueNode switch
                {
                    YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" } => "",
                    YamlScalarNode scalar => scalar.Value ?? "",
                    YamlSequenceNode sequence => string.Join(", ", sequence.Children.OfType<YamlScalarNode>().Select(item => item.Value)),
                    _ => "",
                };
            }
        }

        return values;
    }

    private static Dictionary<string, string> ParseLenient(string yaml)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in yaml.Split('\n'))
        {
            var match = KeyValueLine().Match(line);
            if (match.Success)
            {
                values[match.Groups["key"].Value] = Unquote(match.Groups["value"].Value.Trim());
            }
        }

        return values;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        return value is "null" or "~" ? "" : value;
    }

    // Authors escape apostrophes as in other languages (\'); YAML keeps the backslash, a reader must never see it.
    private static string Unescape(string value) => value.Replace("\\'", "'", StringComparison.Ordinal);

    private static string FirstSentence(string message)
    {
        // YamlDotNet prefixes its messages with "(Line: 1, Col: 2, Idx: 1) - (Line: ...): ".
        var located = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = located < 0 ? message : message[(located + 3)..];
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z_][\w-]*)\s*:(?:\s+(?<value>.*)|\s*)$")]
    private static partial Regex KeyValueLine();
}
