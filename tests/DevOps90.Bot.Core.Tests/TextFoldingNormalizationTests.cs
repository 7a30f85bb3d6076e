using System.Globalization;
using System.Text;

namespace DevOps90.Bot.Core.Tests;

/// <summary>
/// Fold skips ICU's normalisations for text it knows they leave unchanged; it must still fold exactly as the full
/// algorithm (decompose, drop combining marks, lower-case, compose, collapse white space) does.
/// </summary>
public sealed class TextFoldingNormalizationTests
{
    [Fact]
    public void Fold_EveryCharacterOfTheFastPath_FoldsAsTheFullAlgorithm()
    {
        foreach (var character in FastPathCharacters())
        {
            var text = $"A{character}b";
            Assert.True(FullFold(text) == TextFolding.Fold(text), $"U+{(int)character:X4} folds differently");
        }
    }

    [Fact]
    public void Fold_GeneratedMixedText_FoldsAsTheFullAlgorithm()
    {
        var fastPath = FastPathCharacters().ToArray();
        // Characters the fast path must leave to ICU: accents, kana with voicing marks, CJK tone marks, a compatibility
        // ideograph, Hangul jamo, a Latin letter with a decomposition.
        char[] others = ['é', 'É', 'ł', 'が', 'ガ', '\u302A', '\u3099', '\uF900', '\u1100', '\u1161', '\u11A8', 'ǅ', 'Å', '\u00A0'];
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 12);
            for (var j = 0; j < length; j++)
            {
                builder.Append(random.Next(8) == 0 ? others[random.Next(others.Length)] : fastPath[random.Next(fastPath.Length)]);
            }

            var text = builder.ToString();
            Assert.True(FullFold(text) == TextFolding.Fold(text), $"folds differently: {string.Join(' ', text.Select(c => $"U+{(int)c:X4}"))}");
        }
    }

    private static IEnumerable<char> FastPathCharacters()
    {
        foreach (var (first, last) in new[] { ('\u0000', '\u007F'), ('\u3000', '\u3029'), ('\u4E00', '\u9FFF'), ('\uAC00', '\uD7A3'), ('\uFF01', '\uFF5E') })
        {
            for (var character = first; character <= last; character++)
            {
                yield return character;
            }
        }
    }

    /// <summary>The fold as TextFolding did it for all text before the fast paths.</summary>
    private static string FullFold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return TextFolding.CollapseWhitespace(builder.ToString().Normalize(NormalizationForm.FormC));
    }
}
