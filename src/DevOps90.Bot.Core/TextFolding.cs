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

    public static string Fold(string text)
    {
        // ASCII has no accents and is its own normal form: lower-casing is the whole fold, without two ICU calls.
        if (Ascii.IsValid(text))
        {
            Span<char> lower = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
            Ascii.ToLower(text, lower, out _);
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
}
