using System.Buffers;
using System.Text;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// Brings a content file to one canonical form before anything reads it: the upstream files mix BOMs, CRLF and CR
/// endings, zero-width spaces and no-break spaces, and none of these may change what a reader sees.
/// </summary>
internal static class SourceText
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
    public static string Decode(ReadOnlySpan<byte> bytes, out bool hadInvalidBytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        hadInvalidBytes = false;
        try
        {
            return Normalize(_strictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            hadInvalidBytes = true;
            return Normalize(Encoding.UTF8.GetString(bytes));
        }
    }

    public static string Normalize(string text)
    {
        if (!NeedsWork(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            switch (character)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;
                case '\u00A0' or '\u202F' or '\u2007':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(character);
                    break;
            }
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> _special =
        System.Buffers.SearchValues.Create("\r\u200B\u200C\u200D\u2060\uFEFF\u00A0\u202F\u2007");

    private static bool NeedsWork(string text) => text.AsSpan().IndexOfAny(_special) >= 0;
}
