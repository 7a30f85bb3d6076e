using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Brings a content file to one canonical form before anything reads it: the upstream files mix BOMs, CRLF and CR
/// endings, zero-width spaces and no-break spaces, and none of these may change what a reader sees.
/// </summary>
internal static class SourceText
{
    /// <summary>
    /// Reads and decodes a file through a pooled buffer: a repository is about 10 MB of bytes that are garbage as soon as
    /// they are decoded.
    /// </summary>
    public static string ReadFile(string path, out bool hadInvalidBytes)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new IOException($"{path} is too large to be a lesson ({length} bytes)");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var read = 0;
            while (read < length && RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read) is var count and > 0)
            {
                read += count;
            }

            return Decode(buffer.AsSpan(0, read), out hadInvalidBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes UTF-8; invalid bytes become U+FFFD and <paramref name="hadInvalidBytes"/> says so.</summary>
    /// <remarks>
    /// One pass into a pooled buffer, then one copy into the string: <see cref="Encoding.GetString(byte[])"/> counts the
    /// characters in a pass of its own first, and decoding was a tenth of what indexing a repository cost.
    /// </remarks>
    public static string Decode(ReadOnlySpan<byte> bytes, out bool hadInvalidBytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        // UTF-8 never takes fewer bytes than UTF-16 takes characters, and a replaced sequence is one character.
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out _, out var written, replaceInvalidSequences: false);
            hadInvalidBytes = status != OperationStatus.Done;
            if (hadInvalidBytes)
            {
                Utf8.ToUtf16(bytes, buffer, out _, out written, replaceInvalidSequences: true);
            }

            return NormalizedString(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static string Normalize(string text) => NeedsWork(text) ? NormalizedString(text.AsSpan().ToArray()) : text;

    /// <summary>The canonical text of <paramref name="text"/>, which is rewritten in place on the way.</summary>
    private static string NormalizedString(Span<char> text)
    {
        if (!NeedsWork(text))
        {
            return new string(text);
        }

        // Every rule keeps a character or drops it, so the canonical text fits where the text was.
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            switch (character)
            {
                case '\r':
                    text[length++] = '\n';
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;
                case '\u00A0' or '\u202F' or '\u2007':
                    text[length++] = ' ';
                    break;
                default:
                    text[length++] = character;
                    break;
            }
        }

        return new string(text[..length]);
    }

    /// <summary>
    /// Whether any character <see cref="NormalizedString"/> changes is there. Two plain searches: a
    /// <see cref="SearchValues"/> of these nine characters takes its slower probabilistic path (they are not ASCII), and
    /// the range holds only punctuation besides them (dashes, quotes, the ellipsis).
    /// </summary>
    private static bool NeedsWork(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('\r', '\u00A0', '\uFEFF') >= 0)
        {
            return true;
        }

        while (text.IndexOfAnyInRange('\u2007', '\u2060') is var found and >= 0)
        {
            if (text[found] is '\u2007' or '\u200B' or '\u200C' or '\u200D' or '\u202F' or '\u2060')
            {
                return true;
            }

            text = text[(found + 1)..];
        }

        return false;
    }
}
