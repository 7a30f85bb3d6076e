using System.Buffers;
using System.Globalization;
using System.Text;

namespace DevOps90.Bot.Core;

/// <summary>Folds text for matching: lower case, accents removed, runs of white space as one space.</summary>
public static class TextFolding
{
    /// <summary>Runs of white space as one space, none at either end; letters untouched.</summary>
    public static string CollapseWhitespace(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }

    /// <summary>
    /// ASCII, CJK punctuation (without its combining tone marks), CJK ideographs, Hangul syllables (decomposed and
    /// composed back the same) and full-width forms: none has a canonical decomposition or is a combining mark.
    /// Kana and accented Latin letters are not here: they decompose. TextFoldingTests checks every one against ICU.
    /// </summary>
    private static readonly SearchValues<char> _unchangedByNormalization = SearchValues.Create(
        Range('\u0000', '\u007F') + Range('\u3000', '\u3029') + Range('\u4E00', '\u9FFF') + Range('\uAC00', '\uD7A3')
        + Range('\uFF01', '\uFF5E'));

    public static string Fold(string text)
    {
        // Text made only of characters that carry no accent and that no normalisation changes folds by lower-casing
        // alone, without two ICU calls: English, Chinese and Korean headings and titles.
        if (!text.AsSpan().ContainsAnyExcept(_unchangedByNormalization))
        {
            Span<char> lower = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                lower[i] = char.ToLowerInvariant(text[i]);
            }

            return CollapseWhitespace(lower);
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return CollapseWhitespace(builder.ToString().Normalize(NormalizationForm.FormC));
    }

    private static string Range(char first, char last) =>
        string.Create(last - first + 1, first, static (span, start) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)(start + i);
            }
        });
}
