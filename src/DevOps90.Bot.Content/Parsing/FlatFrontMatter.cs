namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Reads the front matter nearly every lesson has, one <c>key: value</c> a line with a plain or quoted value, without
/// YamlDotNet: building its node tree cost more than a fifth of indexing the repository. It accepts only lines YAML reads
/// one way (no comments, indentation, flow or block collections, anchors, tags, escapes, control characters) and
/// returns null for anything else, which then goes to YAML as before; the tests compare both readers on generated input.
/// </summary>
internal static class FlatFrontMatter
{
    private const int MaxKeyLength = 64;

    public static Dictionary<string, string>? TryRead(string yaml)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var range in yaml.AsSpan().Split('\n'))
        {
            var line = yaml.AsSpan(range);
            if (line.IsEmpty)
            {
                continue;
            }

            var keyLength = KeyLength(line);
            if (keyLength == 0 || line[keyLength] != ':')
            {
                return null;
            }

            var rest = line[(keyLength + 1)..];
            if (!rest.IsEmpty && rest[0] != ' ')
            {
                return null;
            }

            // A key YAML reads in another case is a second key to it, but the same one here: leave that to YAML.
            if (ValueOf(rest.Trim(' ')) is not { } value || !values.TryAdd(line[..keyLength].ToString(), value))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>The length of a plain ASCII key at the start of the line, or 0.</summary>
    private static int KeyLength(ReadOnlySpan<char> line)
    {
        if (!char.IsAsciiLetter(line[0]) && line[0] != '_')
        {
            return 0;
        }

        var length = 1;
        while (length < line.Length && length <= MaxKeyLength && (char.IsAsciiLetterOrDigit(line[length]) || line[length] is '_' or '-'))
        {
            length++;
        }

        return length < line.Length && length <= MaxKeyLength ? length : 0;
    }

    private static string? ValueOf(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            return "";
        }

        if (!AllSafe(raw))
        {
            return null;
        }

        return raw[0] switch
        {
            '\'' => SingleQuoted(raw),
            '"' => raw.Length >= 2 && raw[^1] == '"' && raw[1..^1].IndexOfAny('"', '\\') < 0 ? raw[1..^1].ToString() : null,
            _ => Plain(raw),
        };
    }

    /// <summary><c>'It''s'</c>: a doubled quote is one quote, a single one inside ends the scalar early (not flat).</summary>
    private static string? SingleQuoted(ReadOnlySpan<char> raw)
    {
        if (raw.Length < 2 || raw[^1] != '\'')
        {
            return null;
        }

        var inner = raw[1..^1];
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\'')
            {
                if (i + 1 == inner.Length || inner[i + 1] != '\'')
                {
                    return null;
                }

                i++;
            }
        }

        return inner.ToString().Replace("''", "'", StringComparison.Ordinal);
    }

    private static string? Plain(ReadOnlySpan<char> raw)
    {
        // An indicator at the start makes it something else than text (a list, a flow collection, an alias...).
        if (raw[0] is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
        {
            return null;
        }

        for (var i = 1; i < raw.Length; i++)
        {
            // ": " would open a nested mapping and " #" a comment.
            if (raw[i] == ':' && (i + 1 == raw.Length || raw[i + 1] == ' ') || raw[i] == '#' && raw[i - 1] == ' ')
            {
                return null;
            }
        }

        // Only the plain words null and ~ are YAML's null; FrontMatterParser reads null as an empty value.
        return raw is "null" or "~" ? "" : raw.ToString();
    }

    /// <summary>Printable characters that YAML reads as themselves on one line: no tabs, no line breaks of its own.</summary>
    private static bool AllSafe(ReadOnlySpan<char> text)
    {
        // Printable ASCII, nearly every value, checked at vector speed.
        if (!text.ContainsAnyExceptInRange(' ', '~'))
        {
            return true;
        }

        foreach (var character in text)
        {
            var safe = character is (>= ' ' and <= '~') or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD')
                && character is not ('\u2028' or '\u2029' or '\uFEFF');
            if (!safe)
            {
                return false;
            }
        }

        return true;
    }
}
